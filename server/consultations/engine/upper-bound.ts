import { couldMeetIn, type Problem } from './problem.ts';

/**
 * A proven upper bound on the total priority any schedule can place, from counting alone:
 * - a meeting with no slot both sides can attend (or two different home tables, or no interpreter) never happens;
 * - a participant available in k slots holds at most k meetings, so at least their lowest-priority surplus
 *   meetings are lost. Summed over participants no two of whom meet each other (each role, when meetings
 *   only join different roles), no lost meeting is counted twice;
 * - no slot holds more meetings than there are tables.
 */
export function priorityUpperBound(problem: Problem): number {
  const { S, P, M, available, meetingA, meetingB, priority } = problem;
  const possible = new Uint8Array(M);
  let total = 0;
  const meetingsOf: number[][] = Array.from({ length: P }, () => []);
  for (let m = 0; m < M; m++) {
    if (![...Array(S).keys()].some((s) => couldMeetIn(problem, m, s))) continue;
    possible[m] = 1;
    total += priority[m]!;
    meetingsOf[meetingA[m]!]!.push(m);
    meetingsOf[meetingB[m]!]!.push(m);
  }

  const surplusLoss = (p: number) => {
    let slots = 0;
    for (let s = 0; s < S; s++) slots += available[p * S + s]!;
    const own = meetingsOf[p]!;
    if (own.length <= slots) return 0;
    const priorities = own.map((m) => priority[m]!).sort((x, y) => x - y);
    return priorities.slice(0, own.length - slots).reduce((sum, value) => sum + value, 0);
  };
  let bestLoss = 0;
  const roles = [...new Set(problem.participantRoles)];
  for (const role of roles) {
    // Only a role none of whose meetings joins two of its members gives an independent set.
    const independent = [...Array(M).keys()].every((m) => !possible[m] || problem.participantRoles[meetingA[m]!] !== role || problem.participantRoles[meetingB[m]!] !== role);
    if (!independent) continue;
    let loss = 0;
    for (let p = 0; p < P; p++) if (problem.participantRoles[p] === role) loss += surplusLoss(p);
    bestLoss = Math.max(bestLoss, loss);
  }
  const byCapacity = [...Array(M).keys()]
    .filter((m) => possible[m])
    .map((m) => priority[m]!)
    .sort((x, y) => y - x)
    .slice(0, S * problem.T)
    .reduce((sum, value) => sum + value, 0);
  return Math.min(total - bestLoss, byCapacity);
}
