/** Rules about producers: one arrival process that advances time, and types where a direct exchange needs them. */
import { distributionSchema } from '../distribution-schema.js';
import * as msg from '../messages.js';
import * as topicMsg from '../topic-messages.js';
import { isAlwaysZero, normaliseDistribution } from '../normalise-distribution.js';
import { parseDurationSeconds, parseRatePerSecond } from '../units.js';
import type { PathProblem } from '../positions.js';
import { UNTYPED } from './routing-graph.js';
import { error, type Rule } from './view.js';

/** A producer has exactly one arrival process: `rate`, `arrival`, `interarrival` or `trace`. */
export const oneArrivalProcess: Rule = (view) =>
  view.producers.flatMap((producer) => {
    const given = (['rate', 'arrival', 'interarrival', 'trace'] as const).filter(
      (key) => producer.fields[key] !== undefined,
    );
    if (given.length > 1) {
      return [
        error(
          ['producers', producer.index, given[1]],
          msg.producerHasBothArrivals(producer.label, given[0], given[1]),
        ),
      ];
    }
    if (given.length === 0) {
      return [error(['producers', producer.index], msg.producerNeedsArrivals(producer.label))];
    }
    return [];
  });

/** An interarrival time that is always 0 would flood the calendar at one instant. */
export const interarrivalAdvancesTime: Rule = (view) =>
  view.producers.flatMap((producer) => {
    // Most producers give a rate: parsing an absent field would fail zod's whole union, which is costly.
    if (producer.fields.interarrival === undefined) return [];
    const parsed = distributionSchema.safeParse(producer.fields.interarrival);
    if (!parsed.success) return [];
    if (!isAlwaysZero(normaliseDistribution(parsed.data))) return [];
    return [error(['producers', producer.index, 'interarrival'], msg.interarrivalAlwaysZero(producer.label))];
  });

/**
 * A direct exchange routes by type, so untyped messages published to it could go nowhere. A trace producer
 * is judged by the types its trace carries (unknown while the trace cannot be read).
 */
export const directExchangesGetTypes: Rule = ({ graph }) =>
  graph.producerLinks.flatMap(({ producer, to, types }) => {
    const target = to === undefined ? undefined : graph.destinations.get(to);
    const exchangeType = target?.kind === 'exchange' ? target.entry.fields.type : undefined;
    if (target === undefined || (exchangeType !== 'direct' && exchangeType !== 'topic')) return [];
    if (producer.fields.types !== undefined) return [];
    const traced = producer.fields.trace !== undefined;
    if (traced && (types === undefined || !types.includes(UNTYPED))) return [];
    return [
      error(
        ['producers', producer.index, 'to'],
        traced
          ? msg.traceUntypedToDirect(producer.label, target.name)
          : exchangeType === 'topic'
            ? topicMsg.topicExchangeNeedsTypes(producer.label, target.name)
            : msg.directExchangeNeedsTypes(producer.label, target.name),
      ),
    ];
  });

/** A schedule: `until` on every entry but the last, increasing; not silent throughout. */
export const scheduleIsWellFormed: Rule = (view) =>
  view.producers.flatMap((producer) => {
    const rate = producer.fields.rate;
    const rates: unknown[] = Array.isArray(rate)
      ? rate.map((entry: unknown) => (isEntry(entry) ? entry.rate : undefined))
      : isEntry(rate) && Array.isArray(rate.daily)
        ? (rate.daily as unknown[])
        : [];
    const problems: PathProblem[] = [];
    if (Array.isArray(rate)) {
      let previous: { written: unknown; seconds: number } | undefined;
      rate.forEach((entry: unknown, i) => {
        if (!isEntry(entry)) return;
        const at = ['producers', producer.index, 'rate', i];
        const last = i === rate.length - 1;
        if (last && entry.until !== undefined) {
          problems.push(error([...at, 'until'], msg.scheduleLastHasUntil(producer.label)));
        }
        if (!last && entry.until === undefined) {
          problems.push(error(at, msg.scheduleEntryNeedsUntil(producer.label)));
        }
        const until =
          typeof entry.until === 'string' || typeof entry.until === 'number'
            ? parseDurationSeconds(entry.until)
            : undefined;
        if (until === undefined) return;
        if (previous !== undefined && !(until > previous.seconds)) {
          problems.push(
            error([...at, 'until'], msg.scheduleNotIncreasing(producer.label, entry.until, previous.written)),
          );
        }
        previous = { written: entry.until, seconds: until };
      });
    }
    const parsed = rates.map((r) =>
      typeof r === 'string' || typeof r === 'number' ? parseRatePerSecond(r) : undefined,
    );
    if (rates.length > 0 && parsed.every((r) => r === 0)) {
      problems.push(error(['producers', producer.index, 'rate'], msg.scheduleAlwaysZero(producer.label)));
    }
    return problems;
  });

function isEntry(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An on/off source must publish in at least one state. */
export const onOffPublishes: Rule = (view) =>
  view.producers.flatMap((producer) => {
    const arrival = producer.fields.arrival;
    if (!isEntry(arrival)) return [];
    const rates = [arrival['rate-on'], arrival['rate-off']].map((r) =>
      typeof r === 'string' || typeof r === 'number' ? parseRatePerSecond(r) : undefined,
    );
    if (!rates.every((r) => r === 0)) return [];
    return [error(['producers', producer.index, 'arrival'], msg.scheduleAlwaysZero(producer.label))];
  });
