import { describe, expect, it } from 'vitest';
import { loadHighs } from './highs.ts';
import { FlowNetwork } from './min-cost-flow.ts';
import { seededRandom } from './random.ts';

interface Arc {
  from: number;
  to: number;
  capacity: number;
  cost: number;
}

/** A linear expression in the LP format: one term per variable, signs written between terms. */
const expression = (coefficients: number[]) =>
  coefficients
    .flatMap((c, a) => (c === 0 ? [] : [`${c < 0 ? '-' : '+'} ${Math.abs(c)} f${a}`]))
    .join(' ')
    .replace(/^\+ /, '');

/** The same network as a linear program: maximise W·flow − cost, with W above any cost a flow can have. */
async function solveByLp(nodes: number, arcs: Arc[], source: number, sink: number) {
  const weight = arcs.reduce((sum, arc) => sum + arc.cost * arc.capacity, 0) + 1;
  const outflow = (node: number) => arcs.map((arc) => (arc.from === node ? 1 : 0) - (arc.to === node ? 1 : 0));
  const objective = outflow(source).map((out, a) => weight * out - arcs[a]!.cost);
  const balance = [...Array(nodes).keys()]
    .filter((v) => v !== source && v !== sink && outflow(v).some((c) => c !== 0))
    .map((v) => ` n${v}: ${expression(outflow(v))} = 0`);
  const bounds = arcs.map((arc, a) => ` 0 <= f${a} <= ${arc.capacity}`);
  const text = ['Maximize', ` obj: ${expression(objective) || '0 f0'}`, 'Subject To', ...(balance.length ? balance : [' n: f0 >= 0']), 'Bounds', ...bounds, 'End'].join('\n');
  const solution = (await loadHighs()).solve(text, {});
  expect(solution.Status).toBe('Optimal');
  const value = Math.round(solution.ObjectiveValue);
  const flow = Math.ceil(value / weight);
  return { flow, cost: flow * weight - value };
}

describe('FlowNetwork.minCostMaxFlow', () => {
  it('finds the maximum flow and, among maximum flows, the cheapest: the same optimum as an LP solver', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const nodes = 4 + Math.floor(random() * 9);
      const arcs: Arc[] = [];
      const count = nodes + Math.floor(random() * nodes * 3);
      for (let k = 0; k < count; k++) {
        const from = Math.floor(random() * nodes);
        const to = Math.floor(random() * nodes);
        if (from !== to) arcs.push({ from, to, capacity: 1 + Math.floor(random() * 4), cost: Math.floor(random() * 7) });
      }
      if (arcs.length === 0) continue;
      const network = new FlowNetwork(nodes);
      const ids = arcs.map((arc) => network.addArc(arc.from, arc.to, arc.capacity, arc.cost));
      const result = network.minCostMaxFlow(0, nodes - 1);
      expect(result, `seed ${seed}`).toEqual(await solveByLp(nodes, arcs, 0, nodes - 1));
      // The arc flows it reports are a flow of that value and cost.
      const net = new Array<number>(nodes).fill(0);
      let cost = 0;
      ids.forEach((id, a) => {
        const flow = network.flowOn(id);
        expect(flow).toBeGreaterThanOrEqual(0);
        expect(flow).toBeLessThanOrEqual(arcs[a]!.capacity);
        net[arcs[a]!.from]! -= flow;
        net[arcs[a]!.to]! += flow;
        cost += flow * arcs[a]!.cost;
      });
      expect(cost).toBe(result.cost);
      expect(net[nodes - 1]).toBe(result.flow);
      expect(net.filter((_, v) => v !== 0 && v !== nodes - 1).every((balance) => balance === 0)).toBe(true);
    }
  });

  it('refuses a negative or fractional cost', () => {
    const network = new FlowNetwork(2);
    expect(() => network.addArc(0, 1, 1, -1)).toThrow(RangeError);
    expect(() => network.addArc(0, 1, 1, 0.5)).toThrow(RangeError);
  });
});
