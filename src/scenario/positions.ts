/** Paths into a scenario (`queues[0].service.cv`) and their line/column in the YAML source. */
import { isMap, isScalar, type Document, type LineCounter, type Node } from 'yaml';
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

/** Finds source positions for paths in one parsed YAML document. */
export class SourceLocator {
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
    if (anchor === 'key' && path.length > 0) {
      const keyNode = this.keyNode(path);
      if (keyNode?.range) return this.at(keyNode.range[0]);
    }
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.node(path.slice(0, depth));
      if (node?.range) return this.at(node.range[0]);
    }
    return { line: 1, column: 1 };
  }

  /** The node at `path`, or undefined when the source has none there. */
  private node(path: Path): Node | undefined {
    const found: unknown = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    return isNodeWithRange(found) ? found : undefined;
  }

  /** The key node of the pair at `path` (the key itself, as written). */
  private keyNode(path: Path): Node | undefined {
    const parent = this.node(path.slice(0, -1));
    const key = path[path.length - 1];
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
    return isNodeWithRange(pair?.key) ? pair.key : undefined;
  }
}

/** True for a YAML node that knows where it is in the source. */
function isNodeWithRange(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value && Array.isArray(value.range);
}
