/** The report's colours: one per queue (used everywhere that queue appears) and a few for meanings. */

/** Queue colours (Tableau 10 without its red, which means "dropped"). */
const QUEUE_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#ff9da7',
  '#17becf',
  '#8c8c8c',
];

/** The colour of the queue at `index` (repeats after ten queues). */
export function queueColor(index: number): string {
  return QUEUE_COLORS[index % QUEUE_COLORS.length];
}

export const COLOR = {
  dropped: '#d64545',
  /** Every loss (dead-lettered and expired too): a darker red than `dropped`, which it includes. */
  lost: '#7f1d1d',
  arrivals: '#aab4c3',
  wait: '#94a3b8',
  neutral: '#cbd5e1',
  text: '#1f2937',
  muted: '#6b7280',
  ok: '#2f9e44',
  warn: '#e8890c',
  bad: '#d64545',
} as const;

/** Green below 70 % busy, amber to 90 %, red above: how stretched a consumer pool is. */
export function utilizationColor(utilization: number | null): string {
  if (utilization === null) return COLOR.neutral;
  return utilization < 0.7 ? COLOR.ok : utilization < 0.9 ? COLOR.warn : COLOR.bad;
}
