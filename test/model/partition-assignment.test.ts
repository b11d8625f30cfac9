import { describe, expect, it } from 'vitest';
import { PartitionAssignment } from '../../src/model/partition-assignment.js';

describe('PartitionAssignment', () => {
  it('gives partition p to consumer p mod n and nothing to consumers beyond the partitions', () => {
    const assignment = new PartitionAssignment(5, 8);
    assignment.assign(2);
    expect([...assignment.owner]).toEqual([0, 1, 0, 1, 0]);
    expect([...assignment.owned.slice(assignment.ownedStart[0], assignment.ownedStart[1])]).toEqual([
      0, 2, 4,
    ]);
    expect([...assignment.owned.slice(assignment.ownedStart[1], assignment.ownedStart[2])]).toEqual([1, 3]);
    expect(assignment.idleConsumers).toBe(0);
    assignment.assign(8);
    expect([...assignment.owner]).toEqual([0, 1, 2, 3, 4]);
    expect(assignment.ownedStart[6] - assignment.ownedStart[5]).toBe(0);
    expect(assignment.idleConsumers).toBe(3);
    assignment.assign(0);
    expect([...assignment.owner]).toEqual([-1, -1, -1, -1, -1]);
  });
});

describe('assignors over 7 partitions and 3 consumers', () => {
  const owners = (assignor: 'range' | 'round-robin' | 'cooperative-sticky', consumers: number) => {
    const assignment = new PartitionAssignment(7, 4, assignor);
    assignment.assign(consumers);
    return assignment;
  };

  it('range: contiguous ranges, the first P mod n consumers one more (3, 2, 2), as Kafka RangeAssignor', () => {
    const assignment = owners('range', 3);
    expect([...assignment.owner]).toEqual([0, 0, 0, 1, 1, 2, 2]);
    expect([...assignment.owned.slice(assignment.ownedStart[1], assignment.ownedStart[2])]).toEqual([3, 4]);
  });

  it('round-robin: partition p to consumer p mod n', () => {
    expect([...owners('round-robin', 3).owner]).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('cooperative-sticky: balanced, and a join or a leave moves the fewest partitions', () => {
    const assignment = owners('cooperative-sticky', 3);
    expect([...assignment.owner]).toEqual([0, 1, 2, 0, 1, 2, 0]);
    // A fourth member: consumer 0 gives up one of its three (its last, 6); nobody else changes.
    assignment.assign(4);
    expect([...assignment.owner]).toEqual([0, 1, 2, 0, 1, 2, 3]);
    // Consumer 3 leaves again: only its partition moves (to a consumer with two).
    assignment.assign(3);
    expect([...assignment.owner]).toEqual([0, 1, 2, 0, 1, 2, 0]);
    // Range, by contrast, moves three of the seven ([0,0,0,1,1,2,2] → [0,0,1,1,2,2,3]) on the same join.
    const range = owners('range', 3);
    const before = [...range.owner];
    range.assign(4);
    expect(before.filter((owner, p) => owner !== range.owner[p])).toHaveLength(3);
  });

  it('gives every consumer ⌊P/n⌋ or ⌈P/n⌉ partitions under each assignor, for every group size', () => {
    for (const assignor of ['range', 'round-robin', 'cooperative-sticky'] as const) {
      const assignment = new PartitionAssignment(7, 9, assignor);
      for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 4, 2, 6]) {
        assignment.assign(n);
        for (let c = 0; c < n; c++) {
          const count = assignment.ownedStart[c + 1] - assignment.ownedStart[c];
          expect(count).toBeGreaterThanOrEqual(Math.floor(7 / n));
          expect(count).toBeLessThanOrEqual(Math.ceil(7 / n));
        }
        expect([...assignment.owner].every((owner) => owner >= 0 && owner < n)).toBe(true);
      }
    }
  });
});
