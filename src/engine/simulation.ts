import { EventCalendar } from './event-calendar.js';

/** Receives every event in time order; the model dispatches on the integer `kind`. */
export interface EventHandler {
  handleEvent(kind: number, target: number, payload: number): void;
}

/**
 * The simulation kernel: a clock and an event calendar. It knows nothing of queues; the model schedules
 * integer-coded events and handles them when the clock reaches them.
 */
export class Simulation {
  private readonly calendar = new EventCalendar();
  // [0] = now, [1] = events processed: doubles kept unboxed for the hot loop.
  private readonly state = new Float64Array(2);

  /** Current simulated time, seconds. */
  get now(): number {
    return this.state[0];
  }

  /** Events handled so far. */
  get eventsProcessed(): number {
    return this.state[1];
  }

  /** Number of events waiting in the calendar. */
  get pendingEvents(): number {
    return this.calendar.size;
  }

  /**
   * Schedules an event `delay` seconds from now; lower `priority` goes first among simultaneous events.
   * Returns the event's handle, valid for `cancel` until the event is handled.
   */
  schedule(delay: number, priority: number, kind: number, target: number, payload: number): number {
    return this.calendar.push(this.state[0] + delay, priority, kind, target, payload);
  }

  /** Schedules an event at an absolute time, which must not be in the past; returns its handle. */
  scheduleAt(time: number, priority: number, kind: number, target: number, payload: number): number {
    if (time < this.state[0]) {
      throw new Error(`simulation: event scheduled at ${time} s, before the current time ${this.state[0]} s`);
    }
    return this.calendar.push(time, priority, kind, target, payload);
  }

  /** Withdraws a pending event by the handle `schedule` returned; it will not be handled. O(log n). */
  cancel(handle: number): void {
    this.calendar.cancel(handle);
  }

  /** Handles every event up to and including `endTime`, then leaves the clock at `endTime`. */
  runUntil(endTime: number, handler: EventHandler): void {
    const calendar = this.calendar;
    const state = this.state;
    while (calendar.size > 0 && calendar.peekTime() <= endTime) {
      calendar.pop();
      state[0] = calendar.poppedTime;
      state[1]++;
      handler.handleEvent(calendar.poppedKind, calendar.poppedTarget, calendar.poppedPayload);
    }
    if (endTime > state[0]) state[0] = endTime;
  }

  /**
   * Like `runUntil`, but handles at most `maxEvents` events: true when `endTime` was reached, false when it
   * stopped short (the clock then stays at the last event), so a caller can look at the wall clock between
   * slices of a run that may be very long. Slicing does not change the order of events.
   */
  runUntilOrEvents(endTime: number, handler: EventHandler, maxEvents: number): boolean {
    const calendar = this.calendar;
    const state = this.state;
    const stopAt = state[1] + maxEvents;
    while (calendar.size > 0 && calendar.peekTime() <= endTime) {
      if (state[1] >= stopAt) return false;
      calendar.pop();
      state[0] = calendar.poppedTime;
      state[1]++;
      handler.handleEvent(calendar.poppedKind, calendar.poppedTarget, calendar.poppedPayload);
    }
    if (endTime > state[0]) state[0] = endTime;
    return true;
  }
}
