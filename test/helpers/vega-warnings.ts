import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * The warnings and errors vega-lite logs while compiling a spec (an empty list for a clean chart): every
 * chart test asserts this is empty, as the browser tests assert that the page logs nothing.
 */
export function compileWarnings(spec: TopLevelSpec): string[] {
  const messages: string[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) => {
      messages.push(`${level}: ${args.map(String).join(' ')}`);
      return logger;
    };
  const logger = {
    level: () => logger,
    error: record('error'),
    warn: record('warn'),
    info: () => logger,
    debug: () => logger,
  };
  // vega-lite's LoggerInterface has overloads a plain object cannot state; these five methods are what it calls.
  compile(spec, { logger: logger as never });
  return messages;
}
