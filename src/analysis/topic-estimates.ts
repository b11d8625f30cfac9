/**
 * Steady-state estimates of a Kafka-style topic. Each message independently lands on partition p with
 * probability share_p (its key's partition, or uniformly without keys), so Poisson arrivals at rate λ split
 * into independent Poisson streams λ·share_p. A consumer owning partitions C serves them one message at a
 * time and idles only when all of them are empty: a work-conserving single server fed at λ_C = Σ_{p∈C} λ·share_p,
 * whose mean wait over its messages is that of M/G/1 FIFO whatever order it takes partitions in (Kleinrock's
 * conservation law, vol. 2 §3.4). So, by Pollaczek–Khinchine (Gross et al. 4th ed. §5.1.1) per consumer,
 * Wq = Σ_C (λ_C/λ) · W_PK(λ_C) — with n ≥ P consumers each owns one partition: Σ_p share_p · W_PK(λ·share_p).
 * Exact for Poisson arrivals, no failures and no retention deletions; a hot partition's consumer saturates
 * (ρ_C = λ_C·E[S] ≥ 1) long before the group as a whole.
 */
import { distributionFromSpec } from '../model/distribution-from-spec.js';
import { partitionShares } from '../model/key-sampler.js';
import { PartitionAssignment } from '../model/partition-assignment.js';
import type { NoAnalyticEstimate } from '../results/analysis-results.js';
import type { QueueSpec, TopicSpec } from '../scenario/types.js';
import { mg1 } from './closed-forms/index.js';
import { noEstimate } from './no-estimate.js';
import { isExponential } from './station.js';

/** What the topic estimate needs to know about the traffic reaching the topic. */
export interface TopicTraffic {
  arrivalRate: number;
  /** True when the arrivals are (taken as) Poisson. */
  poisson: boolean;
  /** True when they are exactly Poisson (not just taken as such). */
  exactPoisson: boolean;
}

/** A topic's estimate in the shape of the queue estimates (values by dotted metric name). */
export interface TopicEstimate {
  model: string;
  method: string;
  exact: boolean;
  stable: boolean;
  values: Record<string, number | null>;
}

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** Arrival rate per consumer of the topic's assignment (its assignor; consumers beyond the partitions get 0). */
export function consumerRates(topic: TopicSpec, consumers: number, arrivalRate: number): number[] {
  const shares = partitionShares(topic.partitions, topic.keyCount, topic.keySkew);
  const assignment = new PartitionAssignment(topic.partitions, consumers, topic.assignor);
  assignment.assign(consumers);
  const rates = new Array<number>(consumers).fill(0);
  shares.forEach((share, p) => (rates[assignment.owner[p]] += arrivalRate * share));
  return rates;
}

/** The estimate for a topic queue, or why there is none. */
export function estimateTopic(
  queue: QueueSpec,
  topic: TopicSpec,
  traffic: TopicTraffic,
): TopicEstimate | NoAnalyticEstimate {
  if (queue.consumers === 0 || queue.service === null)
    return noEstimate('no consumers: messages only accumulate');
  if (queue.failureProbability > 0)
    return noEstimate(
      'failures retried in place block their partition through back-offs; no closed form here',
    );
  if (!traffic.poisson) return noEstimate('a topic fed by non-Poisson arrivals has no closed form here');
  const service = distributionFromSpec(queue.service);
  const lambda = traffic.arrivalRate;
  const rates = consumerRates(topic, queue.consumers, lambda);
  let wait = 0;
  let waiting = 0;
  let busy = 0;
  let probabilityOfWait = 0;
  let stable = true;
  for (const rate of rates) {
    if (rate === 0) continue;
    const state = mg1({ arrivalRate: rate, serviceMean: service.mean, serviceVariance: service.variance });
    stable &&= state.stable;
    wait += (rate / lambda) * state.meanWait;
    waiting += state.meanQueueLength;
    busy += Math.min(1, rate * service.mean);
    probabilityOfWait += (rate / lambda) * state.probabilityOfWait;
  }
  const letter = isExponential(queue.service) ? 'M' : 'G';
  const owners = Math.min(queue.consumers, topic.partitions);
  const notes = [
    `${owners} consumer(s) as M/${letter}/1 queues fed by their partitions' key shares; Pollaczek–Khinchine per consumer (Gross et al. 4th ed. §5.1.1), mean over consumers by Kleinrock's conservation law`,
  ];
  if (!traffic.exactPoisson) notes.push('arrivals taken as Poisson');
  const throughput = stable ? lambda : rates.reduce((sum, rate) => sum + Math.min(rate, 1 / service.mean), 0);
  return {
    model: `${topic.partitions} partitions on ${queue.consumers} × M/${letter}/1`,
    method: notes.join('; '),
    exact: traffic.exactPoisson && topic.retentionSeconds === null,
    stable,
    values: {
      throughput: finite(throughput),
      dropRate: 0,
      // Retention deletes unconsumed messages, which this estimate leaves out.
      lossRate: topic.retentionSeconds === null ? 0 : null,
      utilization: finite(busy / queue.consumers),
      meanQueueLength: stable ? finite(waiting) : null,
      meanInSystem: stable ? finite(waiting + busy) : null,
      probabilityOfWait: finite(probabilityOfWait),
      'wait.mean': stable ? finite(wait) : null,
      'sojourn.mean': stable ? finite(wait + service.mean) : null,
    },
  };
}
