/**
 * A flow network for minimum-cost maximum flow. Costs are non-negative integers.
 *
 * The solver is the primal–dual method: Dijkstra on reduced costs finds the length of the shortest augmenting path,
 * node potentials are raised by the distances so that every arc on a shortest path costs zero, and a blocking flow
 * (Dinic) is pushed through the zero-cost arcs, taking every shortest augmenting path of that length in one round.
 * Rounds continue until no augmenting path is left: the flow is maximum, and among maximum flows the cheapest.
 * With small costs (ranks) the number of rounds is small, whatever the size of the network.
 *
 * Arcs leaving a node are tried in the order they were added: that order decides between equally good flows.
 */
export class FlowNetwork {
  private readonly arcTo: number[] = [];
  private readonly arcCapacity: number[] = [];
  private readonly arcCost: number[] = [];

  constructor(readonly nodeCount: number) {}

  /** Adds an arc and returns its index, for reading its flow after solving. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (!Number.isInteger(cost) || cost < 0) throw new RangeError(`arc cost must be a non-negative integer, not ${cost}`);
    const arc = this.arcTo.length;
    // Each arc is stored with its reverse (index ^ 1), which holds the flow that can be sent back.
    this.arcTo.push(to, from);
    this.arcCapacity.push(capacity, 0);
    this.arcCost.push(cost, -cost);
    return arc;
  }

  /** The flow an arc carries in the solution. */
  flowOn(arc: number): number {
    return this.solved ? this.solved.capacity[this.solved.position[arc ^ 1]!]! : 0;
  }

  private solved: { capacity: Int32Array; position: Int32Array } | null = null;

  minCostMaxFlow(source: number, sink: number): { flow: number; cost: number } {
    const V = this.nodeCount;
    const A = this.arcTo.length;
    // Arcs are laid out grouped by the node they leave, in the order they were added, so that scanning a node's
    // arcs reads memory in sequence; `partner[k]` is the reverse of arc k in that layout.
    const start = new Int32Array(V + 1);
    for (let a = 0; a < A; a++) start[this.arcTo[a ^ 1]! + 1]!++;
    for (let v = 0; v < V; v++) start[v + 1]! += start[v]!;
    const position = new Int32Array(A);
    const fill = start.slice(0, V);
    for (let a = 0; a < A; a++) position[a] = fill[this.arcTo[a ^ 1]!]!++;
    const to = new Int32Array(A);
    const from = new Int32Array(A);
    const cost = new Int32Array(A);
    const capacity = new Int32Array(A);
    const partner = new Int32Array(A);
    for (let a = 0; a < A; a++) {
      const k = position[a]!;
      to[k] = this.arcTo[a]!;
      from[k] = this.arcTo[a ^ 1]!;
      cost[k] = this.arcCost[a]!;
      capacity[k] = this.arcCapacity[a]!;
      partner[k] = position[a ^ 1]!;
    }
    this.solved = { capacity, position };

    const potential = new Float64Array(V);
    const distance = new Float64Array(V);
    const level = new Int32Array(V);
    const current = new Int32Array(V);
    const queue = new Int32Array(V);
    const pathArcs = new Int32Array(V);
    const heap = new MinHeap(A + V);
    // Arcs that cost nothing at the current potentials; potentials only change between rounds.
    const tight = new Uint8Array(A);
    let flow = 0;

    for (;;) {
      // Shortest distances from the source on reduced costs (all non-negative).
      distance.fill(Infinity);
      distance[source] = 0;
      heap.clear();
      heap.push(0, source);
      while (heap.size > 0) {
        const d = heap.topKey();
        const v = heap.pop();
        if (d > distance[v]!) continue;
        // Every node still queued is at least as far as the sink, and rises by the sink's distance alone.
        if (v === sink) break;
        const base = d + potential[v]!;
        for (let k = start[v]!, end = start[v + 1]!; k < end; k++) {
          if (capacity[k]! <= 0) continue;
          const w = to[k]!;
          const next = base + cost[k]! - potential[w]!;
          if (next < distance[w]!) {
            distance[w] = next;
            heap.push(next, w);
          }
        }
      }
      const reach = distance[sink]!;
      if (reach === Infinity) break;
      // Nodes beyond the sink's distance rise by that distance, which keeps every reduced cost non-negative.
      for (let v = 0; v < V; v++) potential[v]! += Math.min(distance[v]!, reach);
      for (let k = 0; k < A; k++) tight[k] = cost[k]! + potential[from[k]!]! - potential[to[k]!]! === 0 ? 1 : 0;

      // Blocking flows through the arcs that now cost nothing, until none is left at this length.
      for (;;) {
        level.fill(-1);
        level[source] = 0;
        let head = 0;
        let tail = 0;
        queue[tail++] = source;
        // Nodes as far from the source as the sink, or farther, lead nowhere useful: they are not expanded.
        while (head < tail) {
          const v = queue[head++]!;
          if (level[sink] !== -1 && level[v]! >= level[sink]!) break;
          const next = level[v]! + 1;
          for (let k = start[v]!, end = start[v + 1]!; k < end; k++) {
            const w = to[k]!;
            if (tight[k] === 1 && capacity[k]! > 0 && level[w] === -1) {
              level[w] = next;
              queue[tail++] = w;
            }
          }
        }
        const sinkLevel = level[sink]!;
        if (sinkLevel === -1) break;
        current.set(start.subarray(0, V));
        let depth = 0;
        let v = source;
        for (;;) {
          if (v === sink) {
            let push = Infinity;
            for (let k = 0; k < depth; k++) push = Math.min(push, capacity[pathArcs[k]!]!);
            for (let k = 0; k < depth; k++) {
              capacity[pathArcs[k]!]! -= push;
              capacity[partner[pathArcs[k]!]!]! += push;
            }
            flow += push;
            depth = 0;
            v = source;
            continue;
          }
          let k = current[v]!;
          const end = start[v + 1]!;
          const next = level[v]! + 1;
          for (; k < end; k++) {
            if (tight[k] !== 1 || capacity[k]! <= 0) continue;
            const w = to[k]!;
            if (level[w] === next && (w === sink || next < sinkLevel)) break;
          }
          current[v] = k;
          if (k < end) {
            pathArcs[depth++] = k;
            v = to[k]!;
            continue;
          }
          if (v === source) break;
          // A dead end: never enter it again in this round.
          level[v] = -1;
          v = from[pathArcs[--depth]!]!;
          current[v]!++;
        }
      }
    }
    let total = 0;
    for (let k = 0; k < A; k++) if (cost[k]! > 0) total += capacity[partner[k]!]! * cost[k]!;
    return { flow, cost: total };
  }
}

/** A binary min-heap of (key, node) pairs; stale pairs are skipped by the caller. */
class MinHeap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity + 1);
    this.nodes = new Int32Array(capacity + 1);
  }

  clear() {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  push(key: number, node: number) {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  pop(): number {
    const top = this.nodes[0]!;
    const key = this.keys[--this.size]!;
    const node = this.nodes[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.keys[i] = this.keys[child]!;
      this.nodes[i] = this.nodes[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }
}
