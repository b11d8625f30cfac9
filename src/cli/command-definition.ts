/**
 * A command is two modules: a light definition (name, help line, options; it imports no analysis, report
 * or model code) and a handler module that program.ts loads with import() only when that command runs, so
 * `queuesim --help` and `--version` start without the simulator.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

/** A command's name, help line and options. */
export interface CommandDefinition<A> {
  command: string;
  describe: string;
  builder: (yargs: Argv) => Argv<A>;
}

/** The arguments a definition's options give its handler, as yargs infers them. */
export type ArgsOf<D> = D extends CommandDefinition<infer A> ? ArgumentsCamelCase<A> : never;

/** What a handler module exports. */
export interface CommandHandler<A> {
  handle(args: ArgumentsCamelCase<A>): Promise<void>;
}

/** The yargs command whose handler module is loaded only when the command runs. */
export function lazyCommand<A>(
  definition: CommandDefinition<A>,
  load: () => Promise<CommandHandler<A>>,
): CommandModule<object, A> {
  return { ...definition, handler: async (args) => (await load()).handle(args) };
}
