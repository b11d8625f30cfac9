/** Paths into a scenario (`queues[0].service.cv`) and their line/column in the YAML source. */
import type { Document, LineCounter, Node } from 'yaml';
import { yamlLibrary } from './yaml-library.js';
import type { ProblemCode, Severity } from './errors.js';

/** One step into the data: a mapping key or a list index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Which place a problem points at: the value at the path, or the key that names it (for unknown keys). */
export type Anchor = 'value' | 'key';

/** A problem found in the data, not yet placed in the source. */
export interface PathProblem {
  path: Path;
  message: string;
  severity: Severity;
  anchor?: Anchor;
  /** Names a warning that is checked again once the run's actual settings are known (see trace-coverage). */
  code?: ProblemCode;
}

/** A path as users read it: `queues[0].service.cv`; odd keys are quoted (`queues[0]["my key"]`). */
export function formatPath(path: Path): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** A 1-based position. */
export interface Position {
  line: number;
  column: number;
}

/** Where one path is written: the value's node and, for a mapping entry, its key's node. */
interface Placed {
  value?: Node;
  key?: Node;
}

/**
 * Finds source positions for paths in one parsed YAML document. The document is indexed once, so
 * placing each of many problems costs a lookup rather than a walk of the document (30,000 unknown keys
 * took minutes when each one searched its mapping).
 */
export class SourceLocator {
  private index: Map<string, Placed> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Position of a source offset. */
  at(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  /**
   * Position of the value (or key) at `path`. A path that does not exist in the source (a missing key)
   * points at the nearest enclosing node that does, i.e. the mapping that should hold the key.
   */
  locate(path: Path, anchor: Anchor = 'value'): Position {
    const index = (this.index ??= indexDocument(this.doc));
    if (anchor === 'key' && path.length > 0) {
      const keyNode = index.get(pathKey(path))?.key;
      if (keyNode?.range) return this.at(keyNode.range[0]);
    }
    for (let depth = path.length; depth >= 0; depth--) {
      const node = index.get(pathKey(path.slice(0, depth)))?.value;
      if (node?.range) return this.at(node.range[0]);
    }
    return { line: 1, column: 1 };
  }
}

/** One string per path; a NUL cannot occur in a YAML key that reaches us, so it separates segments. */
function pathKey(path: Path): string {
  return path.map(String).join('\u0000');
}

/**
 * Every mapping entry and list item of the document by path, in one walk. Aliases are not followed (a
 * path through an alias points at the alias, as the document's own lookup does), so an alias bomb cannot
 * make the index large. The first of two equal keys wins, as the parser's data does.
 */
function indexDocument(doc: Document): Map<string, Placed> {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  const index = new Map<string, Placed>();
  const stack: Array<{ node: unknown; path: string[] }> = [{ node: doc.contents, path: [] }];
  if (isNodeWithRange(doc.contents)) index.set('', { value: doc.contents });
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, path } = next;
    const children: Array<{ segment: string; value: unknown; key?: unknown }> = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key))
          children.push({ segment: String(pair.key.value), value: pair.value, key: pair.key });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, position) => children.push({ segment: String(position), value: item }));
    }
    for (const child of children) {
      const childPath = [...path, child.segment];
      const key = pathKey(childPath);
      if (index.has(key)) continue;
      index.set(key, {
        ...(isNodeWithRange(child.value) ? { value: child.value } : {}),
        ...(isNodeWithRange(child.key) ? { key: child.key } : {}),
      });
      stack.push({ node: child.value, path: childPath });
    }
  }
  return index;
}

/** True for a YAML node that knows where it is in the source. */
function isNodeWithRange(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value && Array.isArray(value.range);
}
