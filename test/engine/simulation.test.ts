import { describe, expect, it } from 'vitest';
import { Simulation, type EventHandler } from '../../src/engine/simulation.js';

describe('Simulation', () => {
  it('advances the clock to each event and stops at the end time, leaving later events pending', () => {
    const simulation = new Simulation();
    const seen: Array<[number, number]> = [];
    const handler: EventHandler = {
      handleEvent(kind, target) {
        seen.push([simulation.now, target]);
        if (kind === 0) simulation.schedule(1.5, 0, 0, target + 1, 0); // a self-renewing chain
      },
    };
    simulation.schedule(1, 0, 0, 0, 0);
    simulation.runUntil(5, handler);
    expect(seen).toEqual([
      [1, 0],
      [2.5, 1],
      [4, 2],
    ]);
    expect(simulation.now).toBe(5);
    expect(simulation.pendingEvents).toBe(1);
    expect(simulation.eventsProcessed).toBe(3);
    simulation.runUntil(6, handler);
    expect(seen.at(-1)).toEqual([5.5, 3]);
  });

  it('handles an event exactly at the end time', () => {
    const simulation = new Simulation();
    let handled = 0;
    simulation.scheduleAt(2, 0, 1, 0, 0);
    simulation.runUntil(2, { handleEvent: () => handled++ });
    expect(handled).toBe(1);
  });

  it('refuses to schedule into the past', () => {
    const simulation = new Simulation();
    simulation.runUntil(3, { handleEvent: () => undefined });
    expect(() => simulation.scheduleAt(2, 0, 0, 0, 0)).toThrow(/before the current time/);
  });
});
