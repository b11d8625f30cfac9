import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './cli.js';

/** deploy/kubernetes: the manifests and the Dockerfile of the Kubernetes example. */
export const deployDir = join(projectRoot, 'deploy', 'kubernetes');

/** A manifest of deploy/kubernetes, parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are checked field by field
export const manifest = (name: string): any => parse(readFileSync(join(deployDir, name), 'utf8'));
