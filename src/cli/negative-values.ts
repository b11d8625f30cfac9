/**
 * `--duration -5m` reads to yargs as the flag `--duration` followed by the short flags `-5` and `-m`
 * ("Unknown arguments: 5, m"). Joining such a value to its flag (`--duration=-5m`) lets the flag's own
 * check say what is wrong with it ("expected a positive duration, got -5m").
 */
const NEGATIVE_NUMBER = /^-\.?\d/;

/** The arguments with every negative-number value that follows a long flag joined to that flag. */
export function joinNegativeValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (arg === '--') {
      joined.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--') && !arg.includes('=') && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}
