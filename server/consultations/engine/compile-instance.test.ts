import { describe, expect, it } from 'vitest';
import { compileInstance } from './compile-instance.ts';
import type { ConsultationInstance } from './contract.ts';

function day(): ConsultationInstance {
  return {
    format: 'consultation-instance/1',
    slots: [
      { id: 'd2-1000', start: '2015-11-04T10:00:00+09:00', end: '2015-11-04T10:30:00+09:00' },
      { id: 'd2-1030', start: '2015-11-04T10:30:00+09:00', end: '2015-11-04T11:00:00+09:00' },
    ],
    tables: [{ id: 'T01' }, { id: 'T02' }],
    participants: [
      { id: 'B01', role: 'buyer', languages: ['zh'], table: 'T01' },
      { id: 'S07', role: 'supplier', languages: ['ko'], available: ['d2-1000', 'd2-1030'] },
      { id: 'S08', role: 'supplier', languages: ['ko', 'en'] },
    ],
    interpreters: [{ id: 'I01', languages: ['ko', 'zh'] }],
    meetings: [
      { id: 'M001', buyer: 'B01', supplier: 'S07', priority: 3 },
      { id: 'M002', buyer: 'B01', supplier: 'S08' },
    ],
  };
}

const errorOf = (change: (instance: ConsultationInstance) => void) => {
  const instance = day();
  change(instance);
  try {
    compileInstance(instance);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('compileInstance', () => {
  it('accepts the contract example and orders slots by time', () => {
    const instance = day();
    instance.slots.reverse();
    const problem = compileInstance(instance);
    expect(problem.slotIds).toEqual(['d2-1000', 'd2-1030']);
    expect([...problem.fixedTable]).toEqual([0, 0]);
    expect(problem.interpreters[0] && [...problem.interpreters[0]]).toEqual([0]);
    expect(problem.interpreters[1] && [...problem.interpreters[1]]).toEqual([0]);
  });

  it.each([
    ['an unknown participant', (i: ConsultationInstance) => (i.meetings[1]!.buyer = 'B99'), 'meetings[1].buyer: unknown participant "B99"'],
    ['a duplicate meeting id', (i: ConsultationInstance) => (i.meetings[1]!.id = 'M001'), 'meetings[1].id: duplicate id "M001" (also meetings[0])'],
    ['a duplicate participant id', (i: ConsultationInstance) => (i.participants[2]!.id = 'S07'), 'participants[2].id: duplicate id "S07" (also participants[1])'],
    ['the same pair twice', (i: ConsultationInstance) => i.meetings.push({ id: 'M003', buyer: 'S07', supplier: 'B01' }), 'meetings[2]: the pair S07–B01 is already meetings[0]'],
    ['a participant available in no slot', (i: ConsultationInstance) => (i.participants[1]!.available = []), 'participants[1].available: is available in no slot'],
    ['an unknown slot in availability', (i: ConsultationInstance) => (i.participants[1]!.available = ['d2-0900']), 'participants[1].available[0]: unknown slot "d2-0900"'],
    ['zero tables', (i: ConsultationInstance) => (i.tables = []), 'tables: needs at least one table'],
    ['an unknown home table', (i: ConsultationInstance) => (i.participants[0]!.table = 'T99'), 'participants[0].table: unknown table "T99"'],
    ['an interpreter language nobody speaks', (i: ConsultationInstance) => (i.interpreters![0]!.languages = ['ko', 'vi']), 'interpreters[0].languages[1]: no participant speaks "vi"'],
    ['a slot ending before it starts', (i: ConsultationInstance) => (i.slots[0]!.end = '2015-11-04T09:00:00+09:00'), 'slots[0].end: must be after its start'],
    ['a missing field', (i: ConsultationInstance) => delete (i.meetings[0] as Partial<ConsultationInstance['meetings'][number]>).supplier, 'meetings[0].supplier: is missing'],
    ['a wrong format', (i: ConsultationInstance) => ((i as { format: string }).format = 'consultation-instance/2'), 'format: must be "consultation-instance/1"'],
    ['a zero priority', (i: ConsultationInstance) => (i.meetings[0]!.priority = 0), 'meetings[0].priority: must be > 0'],
    ['a pin at a busy interpreter', (i: ConsultationInstance) => {
      i.participants.push({ id: 'B02', role: 'buyer', languages: ['zh'], table: 'T02' });
      i.meetings.push({ id: 'M003', buyer: 'B02', supplier: 'S08' });
      i.pinned = [
        { meeting: 'M001', slot: 'd2-1000', table: 'T01', interpreter: 'I01' },
        { meeting: 'M003', slot: 'd2-1000', table: 'T02', interpreter: 'I01' },
      ];
    }, 'pinned[1].interpreter: "I01" already serves pinned[0] in "d2-1000"'],
    ['a pin away from the home table', (i: ConsultationInstance) => (i.pinned = [{ meeting: 'M002', slot: 'd2-1000', table: 'T02', interpreter: 'I01' }]), 'pinned[0].table: must be the home table "T01"'],
    ['a pin without the interpreter it needs', (i: ConsultationInstance) => (i.pinned = [{ meeting: 'M001', slot: 'd2-1000', table: 'T01' }]), 'pinned[0].interpreter: the meeting needs an interpreter'],
    ['a pin outside availability', (i: ConsultationInstance) => {
      i.participants[1]!.available = ['d2-1030'];
      i.pinned = [{ meeting: 'M001', slot: 'd2-1000', table: 'T01', interpreter: 'I01' }];
    }, 'pinned[0].slot: participant "S07" is not available in slot "d2-1000"'],
  ])('refuses %s, naming the place', (_case, change, message) => {
    expect(errorOf(change)).toBe(message);
  });
});
