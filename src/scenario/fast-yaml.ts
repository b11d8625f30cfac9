/**
 * A fast first read of scenario YAML. The `yaml` package's Document keeps every node's position, which
 * the located error messages need, but it takes seconds on a scenario of ten thousand queues; js-yaml
 * reads the same text about ten times faster and keeps no positions. Valid files are the common case, so
 * the parser tries this read first and falls back to the Document whenever anything could differ: the
 * text uses a construct where two YAML 1.2 readers may disagree or where the Document reports warnings
 * (anchors, aliases, tags, block scalars, explicit or complex keys, merge keys, directives, several
 * documents), a key is a plain scalar that YAML would not read as a string, or js-yaml refuses the text.
 * test/scenario/fast-yaml.test.ts checks, over every YAML file in the repository and a mutation fuzz,
 * that a value returned here is the value the Document gives, and that nothing the Document refuses is
 * returned.
 */
import { CORE_SCHEMA, load } from 'js-yaml';

// Comments go first so that a `#` comment mentioning `&` or `|` does not force the slow path.
const COMMENT = /(^|\s)#.*$/gm;
// Indicators whose handling is worth no risk: anchors, aliases, tags, explicit keys, block scalars,
// flow-collection keys, mapping values written without a key, merge keys, directives, document markers.
const RISKY_SYNTAX = /(^|[\s,[{])[&*!?|>]|(^|[\s,[{]):(\s|$)|[\]}]\s*:(\s|$)|<<|^%|^---|^\.\.\./m;
// A plain key that YAML reads as null, a boolean or a number: the Document turns it into a string in
// its own way (null becomes ""), js-yaml in another. `__proto__` is stored differently by the two.
const NON_STRING_KEY = /^[-+.~0-9]|^(null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;

/** The data of the YAML text when the fast read is safe; undefined when the Document must read it. */
export function fastYamlData(text: string): { value: unknown } | undefined {
  if (RISKY_SYNTAX.test(text.replace(COMMENT, ''))) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return hasNonStringKey(value) ? undefined : { value };
}

/** Whether any mapping in the data has a key that YAML may have read as something other than a string. */
function hasNonStringKey(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (Array.isArray(item)) {
      for (const element of item) if (typeof element === 'object' && element !== null) pending.push(element);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, element] of Object.entries(item)) {
        if (NON_STRING_KEY.test(key)) return true;
        if (typeof element === 'object' && element !== null) pending.push(element);
      }
    }
  }
  return false;
}
