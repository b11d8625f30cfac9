/** `queuesim import asyncapi`: an AsyncAPI document → scenario YAML with a comment on every value naming its source. */
import type { ScenarioProblem } from '../scenario/errors.js';
import { readAsyncApi } from './asyncapi-document.js';
import { mapAsyncApi } from './asyncapi-model.js';
import { renderCommented } from './commented-yaml.js';

export interface AsyncApiImport {
  text: string;
  warnings: ScenarioProblem[];
}

/** Parses the document (errors throw a located ScenarioError) and writes the scenario. */
export async function importAsyncApi(text: string, file: string): Promise<AsyncApiImport> {
  const { api, warnings } = await readAsyncApi(text, file);
  const { scenario, comments, notes } = mapAsyncApi(api, file);
  const header = [
    `Imported by 'queuesim import asyncapi' from ${file} (AsyncAPI ${api.version}, '${api.title}').`,
    "Publish rates, consumer counts and service times are not in an AsyncAPI document: values marked 'measure:'",
    'are defaults to replace with measurements.',
    ...notes.map((note) => `Not imported: ${note}`),
  ];
  return { text: renderCommented(scenario, comments, header), warnings };
}
