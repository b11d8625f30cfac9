/** Writes schema/scenario.schema.json from the zod schema: `npx tsx scripts/write-schema.ts`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { scenarioJsonSchema } from '../src/scenario/index.js';

const target = new URL('../schema/scenario.schema.json', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
