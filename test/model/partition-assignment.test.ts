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
