/**
 * Cancel-by-handle in the event calendar: random interleavings of push, pop and cancel give exactly the
 * events a plain sorted-list reference gives, in the same order.
 */
import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../src/engine/event-calendar.js';
import { RandomStream } from '../../src/engine/random.js';
import { Simulation } from '../../src/engine/simulation.js';

interface ReferenceEvent {
  time: number;
  priority: number;
  sequence: number;
  payload: number;
}

/** The obvious implementation: a list kept sorted by (time, priority, sequence). */
class ReferenceCalendar {
  readonly events: ReferenceEvent[] = [];
  private sequence = 0;

  push(time: number, priority: number, payload: number): ReferenceEvent {
    const event = { time, priority, sequence: this.sequence++, payload };
    this.events.push(event);
    this.events.sort((a, b) => a.time - b.time || a.priority - b.priority || a.sequence - b.sequence);
    return event;
  }

  pop(): ReferenceEvent {
    return this.events.shift() as ReferenceEvent;
  }

  cancel(event: ReferenceEvent): void {
    this.events.splice(this.events.indexOf(event), 1);
  }
}

/** Runs `steps` random operations on both calendars and returns the payloads each popped. */
function interleave(
  seed: number,
  steps: number,
  cancelShare: number,
  /** Steps before the first cancel: the calendar keeps heap positions only from then on. */
  firstCancelAt = 0,
): { heap: number[]; reference: number[] } {
  const random = new RandomStream(seed, 'cancel');
  const calendar = new EventCalendar(2);
  const reference = new ReferenceCalendar();
  // Pending events by payload: the calendar's handle and the reference's entry.
  const pending = new Map<number, { handle: number; event: ReferenceEvent }>();
  const heap: number[] = [];
  const expected: number[] = [];
  let payload = 0;
  for (let step = 0; step < steps; step++) {
    const choice = random.next();
    // Before the first cancel, more pushes than pops: the calendar then has many events pending.
    const pushShare = step < firstCancelAt ? 0.7 : 0.45;
    if (choice < pushShare || pending.size === 0) {
      const time = Math.floor(random.next() * 50); // many exact ties
      const priority = Math.floor(random.next() * 3);
      const handle = calendar.push(time, priority, 0, 0, payload);
      pending.set(payload, { handle, event: reference.push(time, priority, payload) });
      payload++;
    } else if (step >= firstCancelAt && choice < 0.45 + cancelShare) {
      const keys = [...pending.keys()];
      const victim = keys[Math.floor(random.next() * keys.length)];
      const entry = pending.get(victim) as { handle: number; event: ReferenceEvent };
      calendar.cancel(entry.handle);
      reference.cancel(entry.event);
      pending.delete(victim);
    } else {
      calendar.pop();
      heap.push(calendar.poppedPayload);
      const event = reference.pop();
      expected.push(event.payload);
      pending.delete(event.payload);
    }
    expect(calendar.size).toBe(reference.events.length);
  }
  while (calendar.size > 0) {
    calendar.pop();
    heap.push(calendar.poppedPayload);
    expected.push(reference.pop().payload);
  }
  return { heap, reference: expected };
}

describe('EventCalendar.cancel', () => {
  for (const seed of [1, 2, 3]) {
    it(`matches a sorted-list reference over random push/pop/cancel sequences (seed ${seed})`, () => {
      const { heap, reference } = interleave(seed, 4000, 0.25);
      expect(reference.length).toBeGreaterThan(500);
      expect(heap).toEqual(reference);
    });
  }

  it('finds every heap position at a first cancel that comes late, with many events pending', () => {
    const { heap, reference } = interleave(4, 6000, 0.25, 3000);
    expect(reference.length).toBeGreaterThan(1000);
    expect(heap).toEqual(reference);
  });

  it('cancels the root, the last entry and everything in between', () => {
    const calendar = new EventCalendar(2);
    const handles = [5, 1, 4, 2, 3].map((time) => calendar.push(time, 0, 0, 0, time));
    calendar.cancel(handles[1]); // the root (time 1)
    calendar.cancel(handles[4]); // time 3
    const out: number[] = [];
    while (calendar.size > 0) {
      calendar.pop();
      out.push(calendar.poppedPayload);
    }
    expect(out).toEqual([2, 4, 5]);
  });

  it('refuses a handle whose event is no longer pending', () => {
    const calendar = new EventCalendar(2);
    const handle = calendar.push(1, 0, 0, 0, 0);
    calendar.cancel(handle);
    expect(() => calendar.cancel(handle)).toThrow(/not pending/);
    expect(() => calendar.cancel(99)).toThrow(/not pending/);
  });

  it('leaves a cancelled event unhandled by the simulation', () => {
    const simulation = new Simulation();
    const seen: number[] = [];
    const handler = { handleEvent: (_kind: number, _target: number, payload: number) => seen.push(payload) };
    simulation.schedule(1, 0, 0, 0, 1);
    const handle = simulation.schedule(2, 0, 0, 0, 2);
    simulation.schedule(3, 0, 0, 0, 3);
    simulation.cancel(handle);
    simulation.runUntil(10, handler);
    expect(seen).toEqual([1, 3]);
    expect(simulation.eventsProcessed).toBe(2);
  });
});
