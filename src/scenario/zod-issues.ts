/** Turns zod issues into path-tagged problems worded for users. */
import type * as z from 'zod';
import { KNOWN_KEYS } from './fields.js';
import * as msg from './messages.js';
import type { Path, PathProblem } from './positions.js';
import { closestMatch } from './suggest.js';

type Issue = z.core.$ZodIssue;

/**
 * Message for issues raised by schema parts that carry no message of their own; pass it as the `error`
 * option of `safeParse` so no zod default wording reaches users.
 */
export function fallbackMessage(iss: z.core.$ZodRawIssue): string {
  if (iss.code === 'invalid_type') return msg.expectedType(EXPECTED[iss.expected] ?? iss.expected, iss.input);
  return msg.invalidValue(iss.input);
}

const EXPECTED: Partial<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

/** Problems for `issues` raised while parsing `data`; `base` is where these issues' paths start. */
export function issuesToProblems(issues: readonly Issue[], data: unknown, base: Path = []): PathProblem[] {
  return issues.flatMap((issue) => issueToProblems(issue, data, [...base, ...(issue.path as Path)]));
}

function issueToProblems(issue: Issue, data: unknown, path: Path): PathProblem[] {
  if (issue.code === 'unrecognized_keys') {
    // One problem per key, each pointing at the key as written.
    const known = ((issue as unknown as Record<string, unknown>)[KNOWN_KEYS] ?? []) as string[];
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: msg.unknownKey(closestMatch(key, known), known),
      severity: 'error' as const,
      anchor: 'key' as const,
    }));
  }
  if (issue.code === 'invalid_key') {
    // A bad key in a mapping of names (message types): point at the key as written.
    return [{ path, message: issue.message, severity: 'error', anchor: 'key' }];
  }
  const isUnion = issue.code === 'invalid_union' && issue.errors.length > 0;
  // A required key that is absent fails as a wrong type, a failed union or (for a fixed set of words) a
  // wrong value; all of these are "missing key" to a user.
  const absentFails = issue.code === 'invalid_type' || issue.code === 'invalid_value' || isUnion;
  if (absentFails && isMissingKey(data, path)) {
    return [{ path, message: msg.missingKey(String(path[path.length - 1])), severity: 'error' }];
  }
  if (issue.code === 'invalid_union' && isUnion) {
    // A union such as "duration or distribution mapping": report the branch whose type matched.
    const plausible = issue.errors.filter((branch) => !isTypeMismatch(branch));
    if (plausible.length === 1) return issuesToProblems(plausible[0], data, path);
  }
  return [{ path, message: issue.message, severity: 'error' }];
}

/** True when a union branch failed only because the value had the wrong type for it. */
function isTypeMismatch(branch: readonly Issue[]): boolean {
  return branch.every(
    (issue) =>
      issue.path.length === 0 &&
      (issue.code === 'invalid_type' ||
        (issue.code === 'invalid_union' && issue.errors.every(isTypeMismatch))),
  );
}

/** True when the last step of `path` is a key that its (existing) parent mapping lacks. */
function isMissingKey(data: unknown, path: Path): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(data, path.slice(0, -1));
  const key = path[path.length - 1];
  return (
    typeof parent === 'object' && parent !== null && !Array.isArray(parent) && !Object.hasOwn(parent, key)
  );
}

/** The value at `path` in plain data, or undefined. */
export function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}
