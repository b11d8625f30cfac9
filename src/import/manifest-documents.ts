/** Kubernetes manifests: every YAML document of a file, with the means to place a problem in it. */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { ScenarioError, type ScenarioProblem, type Severity } from '../scenario/errors.js';
import { SourceLocator, formatPath, type Path } from '../scenario/positions.js';

/** One document of a manifest file: its data and a way to turn a path into a located problem. */
export interface ManifestDocument {
  data: unknown;
  /** A problem at `path` (the value there, or the nearest enclosing node written). */
  problem(path: Path, message: string, severity?: Severity): ScenarioProblem;
}

/** Parses every document of a (possibly multi-document) manifest; YAML errors throw a located ScenarioError. */
export function readManifestDocuments(text: string, file: string): ManifestDocument[] {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const documents: Document[] = Array.isArray(parsed) ? parsed : [];
  const syntax: ScenarioProblem[] = [];
  for (const doc of documents) {
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      syntax.push({
        file,
        line,
        column: col,
        path: '',
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
        severity: 'error',
      });
    }
  }
  if (syntax.length > 0) throw new ScenarioError(syntax);
  return documents.map((doc) => {
    const locator = new SourceLocator(doc, lineCounter);
    let data: unknown;
    try {
      data = doc.toJS();
    } catch (error) {
      throw new ScenarioError([
        {
          file,
          line: 1,
          column: 1,
          path: '',
          message: `the YAML cannot be resolved: ${error instanceof Error ? error.message : String(error)}`,
          severity: 'error',
        },
      ]);
    }
    return {
      data,
      problem: (path, message, severity = 'error') => ({
        file,
        ...locator.locate(path),
        path: formatPath(path),
        message,
        severity,
      }),
    };
  });
}
