/** Generated scenario text for networks of thousands of queues (fan-out of producers, or pipelines). */

/** A scenario of `queues` M/M/1 queues (100 ms service), each fed by its own Poisson producer. */
export function fanOutScenario(
  queues: number,
  durationSeconds: number,
  ratePerSecond: (queue: number) => number = () => 1,
): string {
  const lines = ['name: large-fan-out', 'seed: 3', `duration: ${durationSeconds}s`, 'producers:'];
  for (let i = 0; i < queues; i++) lines.push(`  - { name: p${i}, to: q${i}, rate: ${ratePerSecond(i)}/s }`);
  lines.push('queues:');
  for (let i = 0; i < queues; i++) {
    lines.push(`  - { name: q${i}, consumers: 1, service: { distribution: exponential, mean: 100ms } }`);
  }
  return lines.join('\n') + '\n';
}
