import type { ProducerSpec } from '../scenario/types.js';
import { RenewalArrivals, type ArrivalProcess } from './arrival-process.js';
import type { BuildContext } from './build-context.js';
import type { Destination } from './destination.js';
import { distributionFromSpec } from './distribution-from-spec.js';
import { OnOffArrivals } from './on-off-arrivals.js';
import { Producer, type TypeMix } from './producer.js';
import { ScheduledArrivals } from './scheduled-arrivals.js';
import { TraceArrivals } from './trace-arrivals.js';

/** A mix that always draws "untyped" (type -1, priority 0). */
const UNTYPED_MIX: TypeMix = {
  types: Int32Array.of(-1),
  cumulative: Float64Array.of(1),
  priorities: Int32Array.of(0),
};

/** The producer at position `index`, publishing to a queue or topic of `queues` or to an exchange. */
export function buildProducer(
  spec: ProducerSpec,
  index: number,
  queues: readonly Destination[],
  build: BuildContext,
): Producer {
  const { shared } = build;
  const stream = (purpose: string) => shared.random(`producer:${spec.name}/${purpose}`);
  const trace = spec.trace
    ? new TraceArrivals(spec.trace, shared.simulation, build.typeOf, build.priorityOf)
    : null;
  const destination = build.destinationOf(spec.to);
  return new Producer({
    name: spec.name,
    index,
    destination,
    destinationQueue: destination < queues.length ? queues[destination] : null,
    arrivals: trace ?? arrivalProcess(spec, build),
    mix: typeMix(spec, build),
    typeSource: spec.trace?.typed ? trace : null,
    size: spec.messageBytes ? distributionFromSpec(spec.messageBytes) : null,
    batch: spec.batch ? distributionFromSpec(spec.batch) : null,
    random: {
      arrivals: stream('interarrival'),
      types: stream('types'),
      size: stream('size'),
      batch: stream('batch'),
    },
    simulation: shared.simulation,
    messages: shared.messages,
    router: shared.router,
    flow: build.flowCollectors[index],
  });
}

/** The arrival process of a producer without a trace: on/off, a rate schedule, or a renewal process. */
function arrivalProcess(spec: ProducerSpec, build: BuildContext): ArrivalProcess {
  const clock = build.shared.simulation;
  if (spec.onOff) return new OnOffArrivals(spec.onOff, clock);
  const interarrival = distributionFromSpec(spec.interarrival);
  if (spec.schedule) return new ScheduledArrivals(spec.schedule, interarrival.mean, clock);
  return new RenewalArrivals(interarrival);
}

/** A producer's type mix; null when its messages are untyped. */
function typeMix(spec: ProducerSpec, build: BuildContext): TypeMix | null {
  // A typed trace sets each record's type; the written mix serves only records without one.
  const shares = spec.trace?.typed ? spec.trace.fallbackTypes : spec.types;
  if (shares.length === 0) {
    // The trace types its messages; a record without a type stays untyped.
    return spec.trace?.typed ? UNTYPED_MIX : null;
  }
  let cumulative = 0;
  return {
    types: Int32Array.from(shares.map((share) => build.typeOf(share.type))),
    cumulative: Float64Array.from(shares.map((share) => (cumulative += share.probability))),
    priorities: Int32Array.from(shares.map((share) => build.priorityOf.get(share.type) ?? 0)),
  };
}
