/** Writing an imported scenario: YAML with a comment on each value naming its source, and a header. */
import { Document, isScalar, type Node } from 'yaml';
import type { Path } from '../scenario/positions.js';

/** One value written with the comment on its line (a scalar) or above it (a map or list). */
export interface Commented {
  path: Path;
  comment: string;
}

/** The scenario as YAML, each commented value with its comment and the header lines on top. */
export function renderCommented(scenario: object, comments: readonly Commented[], header: string[]): string {
  const doc = new Document(scenario);
  for (const { path, comment } of comments) {
    const node = doc.getIn(path, true) as Node | undefined;
    if (node === undefined) continue;
    if (isScalar(node)) node.comment = ` ${comment}`;
    else node.commentBefore = ` ${comment}`;
  }
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
