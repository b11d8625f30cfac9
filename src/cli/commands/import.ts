import type { Argv, CommandModule } from 'yargs';

/**
 * `queuesim import <format> <file>`: scenario settings from what a team already has. The formats come in
 * already wired to their lazily loaded handlers (by program.ts), so this definition imports no handler.
 */
export function importCommand(withFormats: (yargs: Argv) => Argv): CommandModule {
  return {
    command: 'import',
    describe: 'Write scenario settings from existing configuration (keda, rabbitmq, asyncapi)',
    builder: (yargs: Argv) =>
      withFormats(yargs).demandCommand(
        1,
        'Name what to import: keda, rabbitmq or asyncapi (queuesim import rabbitmq <definitions.json>)',
      ),
    handler: () => undefined,
  };
}
