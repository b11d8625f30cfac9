/**
 * The `yaml` package, loaded on first use. Only a scenario with a problem, or with syntax the fast read
 * leaves to the Document (see fast-yaml.ts), needs its nodes and positions; a valid file is read by
 * js-yaml, and loading `yaml` too would cost every run's start-up about 25 ms (115 KB to compile).
 * `require` keeps the load synchronous, as scenario parsing is.
 */
import { createRequire } from 'node:module';

export type YamlLibrary = typeof import('yaml');

let library: YamlLibrary | undefined;

export function yamlLibrary(): YamlLibrary {
  library ??= createRequire(import.meta.url)('yaml') as YamlLibrary;
  return library;
}
