import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../src/engine/event-calendar.js';
import { RandomStream } from '../../src/engine/random.js';

function drain(calendar: EventCalendar): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (calendar.size > 0) {
    calendar.pop();
    out.push([calendar.poppedTime, calendar.poppedPayload]);
  }
  return out;
}

describe('EventCalendar', () => {
  it('returns events in time order, whatever the insertion order, growing as needed', () => {
    const calendar = new EventCalendar(4);
    const random = new RandomStream(7, 'calendar');
    const times: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const time = Math.floor(random.next() * 1000) / 10; // many exact ties
      times.push(time);
      calendar.push(time, 1, 0, 0, i);
    }
    const out = drain(calendar);
    expect(out.map(([time]) => time)).toEqual([...times].sort((a, b) => a - b));
  });

  it('breaks ties by priority, then by insertion sequence', () => {
    const calendar = new EventCalendar(2);
    calendar.push(5, 1, 0, 0, 1);
    calendar.push(5, 1, 0, 0, 2);
    calendar.push(5, 0, 0, 0, 3); // urgent: before the two already there
    calendar.push(4, 9, 0, 0, 4); // earlier time wins over priority
    calendar.push(5, 1, 0, 0, 5);
    expect(drain(calendar).map(([, payload]) => payload)).toEqual([4, 3, 1, 2, 5]);
  });

  it('keeps insertion order among many simultaneous events interleaved with pops', () => {
    const calendar = new EventCalendar(2);
    const popped: number[] = [];
    let next = 0;
    for (let round = 0; round < 200; round++) {
      for (let k = 0; k < 3; k++) calendar.push(1, 1, 0, 0, next++);
      calendar.pop();
      popped.push(calendar.poppedPayload);
    }
    popped.push(...drain(calendar).map(([, payload]) => payload));
    expect(popped).toEqual(Array.from({ length: 600 }, (_, i) => i));
  });

  it('exposes kind, target and payload of the popped event', () => {
    const calendar = new EventCalendar();
    calendar.push(2, 3, 7, 11, 13);
    expect(calendar.peekTime()).toBe(2);
    calendar.pop();
    expect([calendar.poppedTime, calendar.poppedKind, calendar.poppedTarget, calendar.poppedPayload]).toEqual(
      [2, 7, 11, 13],
    );
    expect(calendar.size).toBe(0);
    expect(calendar.peekTime()).toBe(Infinity);
  });

  it('refuses a NaN or negative time and an out-of-range priority', () => {
    const calendar = new EventCalendar();
    expect(() => calendar.push(NaN, 0, 0, 0, 0)).toThrow(/invalid event/);
    expect(() => calendar.push(-1, 0, 0, 0, 0)).toThrow(/invalid event/);
    expect(() => calendar.push(1, 16, 0, 0, 0)).toThrow(/invalid event/);
  });
});
