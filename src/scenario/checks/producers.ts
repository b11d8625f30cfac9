/** Rules about producers: one arrival process that advances time, and types where a direct exchange needs them. */
import { distributionSchema } from '../distribution-schema.js';
import * as msg from '../messages.js';
import { isAlwaysZero, normaliseDistribution } from '../normalise.js';
import { error, type Rule } from './view.js';

/** A producer has exactly one arrival process: `rate` or `interarrival`. */
export const oneArrivalProcess: Rule = (view) =>
  view.producers.flatMap((producer) => {
    const hasRate = producer.fields.rate !== undefined;
    const hasInterarrival = producer.fields.interarrival !== undefined;
    if (hasRate && hasInterarrival) {
      return [
        error(['producers', producer.index, 'interarrival'], msg.producerHasBothArrivals(producer.label)),
      ];
    }
    if (!hasRate && !hasInterarrival) {
      return [error(['producers', producer.index], msg.producerNeedsArrivals(producer.label))];
    }
    return [];
  });

/** An interarrival time that is always 0 would flood the calendar at one instant. */
export const interarrivalAdvancesTime: Rule = (view) =>
  view.producers.flatMap((producer) => {
    const parsed = distributionSchema.safeParse(producer.fields.interarrival);
    if (producer.fields.interarrival === undefined || !parsed.success) return [];
    if (!isAlwaysZero(normaliseDistribution(parsed.data))) return [];
    return [error(['producers', producer.index, 'interarrival'], msg.interarrivalAlwaysZero(producer.label))];
  });

/** A direct exchange routes by type, so untyped messages published to it could go nowhere. */
export const directExchangesGetTypes: Rule = ({ graph }) =>
  graph.producerLinks.flatMap(({ producer, to }) => {
    const target = to === undefined ? undefined : graph.destinations.get(to);
    if (target?.kind !== 'exchange' || target.entry.fields.type !== 'direct') return [];
    if (producer.fields.types !== undefined) return [];
    return [
      error(['producers', producer.index, 'to'], msg.directExchangeNeedsTypes(producer.label, target.name)),
    ];
  });
