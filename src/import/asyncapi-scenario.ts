/** `queuesim import asyncapi`: an AsyncAPI document → scenario YAML with a comment on every value naming its source. */
import type { ScenarioProblem } from '../scenario/errors.js';
import { readAsyncApi } from './asyncapi-document.js';
import { applyAsyncApiMetrics } from './asyncapi-metrics.js';
import { mapAsyncApi } from './asyncapi-model.js';
import { renderCommented } from './commented-yaml.js';
import type { MetricsInput } from './rabbitmq-metrics.js';

export interface AsyncApiImport {
  text: string;
  warnings: ScenarioProblem[];
}

/**
 * Parses the document (errors throw a located ScenarioError) and writes the scenario, with rates and consumers
 * from `metrics` where it has them.
 */
export async function importAsyncApi(
  text: string,
  file: string,
  metrics?: MetricsInput,
): Promise<AsyncApiImport> {
  const { api, warnings } = await readAsyncApi(text, file);
  const mapped = mapAsyncApi(api, file);
  const applied = metrics && applyAsyncApiMetrics(mapped, metrics);
  if (applied) warnings.push(...applied.warnings);
  const { scenario, comments, notes } = mapped;
  const header = [
    `Imported by 'queuesim import asyncapi' from ${file} (AsyncAPI ${api.version}, '${api.title}').`,
    "Publish rates, consumer counts and service times are not in an AsyncAPI document: values marked 'measure:'",
    'are defaults to replace with measurements.',
    ...(applied?.header ?? []),
    ...notes.map((note) => `Not imported: ${note}`),
  ];
  return { text: renderCommented(scenario, comments, header), warnings };
}
