export { EventCalendar, MAX_PRIORITY } from './event-calendar.js';
export { Simulation, type EventHandler } from './simulation.js';
export { RandomStream } from './random.js';
export { resized } from './typed-arrays.js';
export type { Distribution } from './distributions/index.js';
