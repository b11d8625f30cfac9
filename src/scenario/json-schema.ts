/** The JSON Schema of the scenario file format, for editors (key completion, hover help, diagnostics). */
import * as z from 'zod';
import { rawScenarioSchema } from './raw-schema.js';

/** JSON Schema (draft 2020-12) of scenario files as written, generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
  // io 'input': keys with defaults are optional, as users may leave them out.
  return z.toJSONSchema(rawScenarioSchema, { io: 'input' }) as Record<string, unknown>;
}
