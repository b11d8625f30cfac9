/**
 * Rules about how the parts of a scenario relate (names, references, routing, consumers and service). Each
 * rule is a small function returning path-tagged problems (in checks/). They read the data leniently,
 * skipping whatever the schema already rejects, so one run reports schema errors and relation errors together.
 */
import {
  bindingsFitExchangeType,
  bindingsUnique,
  boundTypesArrive,
  declaredTypesEmitted,
  exchangesArePublishedTo,
  typesRoutable,
  typesMatchPatterns,
} from './checks/exchanges.js';
import {
  bindingTargetsExist,
  deadLetterTargetsExist,
  producerTargetsExist,
  thenTargetsExist,
  uniqueExchangeNames,
  uniqueProducerNames,
  uniqueQueueNames,
} from './checks/names.js';
import {
  directExchangesGetTypes,
  interarrivalAdvancesTime,
  onOffPublishes,
  oneArrivalProcess,
  scheduleIsWellFormed,
} from './checks/producers.js';
import {
  capacityBytesHaveSizes,
  consumerSettingsNeedConsumers,
  consumersNeedService,
  dlxHasDeadLetter,
  fedQueuesAreConsumed,
  maxPriorityIsUsed,
  overflowNeedsLimit,
  queuesAreFed,
  serviceWithoutConsumers,
  thenSumsToAtMostOne,
} from './checks/queues.js';
import {
  autoscaleNeedsService,
  autoscaleRangeIsOrdered,
  autoscaleWithinPartitions,
  consumersWithinAutoscale,
  cooldownNeedsZero,
} from './checks/autoscale.js';
import { blockCyclesMayDeadlock } from './checks/block-cycles.js';
import { routingCyclesExit } from './checks/routing-cycles.js';
import {
  topicConsumersHavePartitions,
  topicKeysNeedPartitions,
  topicScalerKeysNeedPartitions,
  topicsRejectQueueKeys,
} from './checks/topics.js';
import { checkLimits } from './checks/limits.js';
import { checkSlos } from './checks/slos.js';
import { checkCost, checkVariants } from './checks/variants.js';
import { viewOf, type Rule } from './checks/view.js';
import type { PathProblem } from './positions.js';
import { checkStatistics } from './statistics-checks.js';

/** Every rule, in the order their problems are reported for the same place. */
export const SEMANTIC_RULES: readonly Rule[] = [
  // names and references
  uniqueProducerNames,
  uniqueQueueNames,
  uniqueExchangeNames,
  producerTargetsExist,
  bindingTargetsExist,
  thenTargetsExist,
  deadLetterTargetsExist,
  // producers
  oneArrivalProcess,
  interarrivalAdvancesTime,
  scheduleIsWellFormed,
  onOffPublishes,
  directExchangesGetTypes,
  // exchanges and message types
  bindingsFitExchangeType,
  bindingsUnique,
  boundTypesArrive,
  typesRoutable,
  typesMatchPatterns,
  exchangesArePublishedTo,
  declaredTypesEmitted,
  // queues
  consumersNeedService,
  serviceWithoutConsumers,
  fedQueuesAreConsumed,
  queuesAreFed,
  thenSumsToAtMostOne,
  dlxHasDeadLetter,
  overflowNeedsLimit,
  capacityBytesHaveSizes,
  consumerSettingsNeedConsumers,
  maxPriorityIsUsed,
  autoscaleRangeIsOrdered,
  consumersWithinAutoscale,
  autoscaleNeedsService,
  autoscaleWithinPartitions,
  cooldownNeedsZero,
  // topics
  topicsRejectQueueKeys,
  topicKeysNeedPartitions,
  topicScalerKeysNeedPartitions,
  topicConsumersHavePartitions,
  // routing
  routingCyclesExit,
  blockCyclesMayDeadlock,
];

/**
 * Runs every semantic rule over the (possibly invalid) data of a scenario file; `traceTypes` holds the
 * message types read from each usable trace file, by producer index.
 */
export function checkSemantics(
  data: unknown,
  traceTypes: ReadonlyMap<number, string[]> = new Map(),
): PathProblem[] {
  const view = viewOf(data, traceTypes);
  return [
    ...SEMANTIC_RULES.flatMap((rule) => rule(view)),
    ...checkStatistics(data),
    ...checkSlos(data),
    ...checkVariants(data),
    ...checkCost(data),
    ...checkLimits(data),
  ];
}
