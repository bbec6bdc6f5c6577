// Entry point: route to a subcommand, loading only the module it needs.
import { errorMessage, exitCodeOf } from '../kafka/errors.js';

const COMMANDS: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  topics: () => import('./topics.js'),
  describe: () => import('./describe.js'),
  brokers: () => import('./brokers.js'),
  config: () => import('./config.js'),
  consume: () => import('./consume.js'),
  produce: () => import('./produce.js'),
  keys: () => import('./keys.js'),
  groups: () => import('./groups.js'),
};

/**
 * The TUI is one esbuild bundle made after tsc (scripts/bundle-tui.mjs): Ink and React as
 * separate modules take ~0.35 s to load on Node 20, which would push the first frame past 0.4 s.
 */
const TUI_BUNDLE = './tui.bundle.js';

export const USAGE = `
  Usage
    kafka-tui [--topic T] [--read-only] [connection flags]   open the terminal UI (on a TTY)
    kafka-tui topics [list|create|alter|delete] ...
    kafka-tui describe [--topic T ...]
    kafka-tui brokers [--json] | brokers describe N [--all]   brokers, controller, load; a broker's configs
    kafka-tui config [add|list|remove|path] ...
    kafka-tui consume -t TOPIC [--from-beginning] [--group G] ...   print a topic's messages
    kafka-tui produce -t TOPIC [--parse-key] [--file F] ...         send lines from stdin or a file
    kafka-tui keys [--json]                  the TUI's key bindings, with the config file's remaps
    kafka-tui groups [list|describe] ...     consumer groups and their lag, as kafka-consumer-groups.sh
    kafka-tui groups reset-offsets|delete|delete-offsets ...   move or delete a group's offsets (dry run unless --execute)

  Run 'kafka-tui <command> --help' for a command's flags.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === '--version') {
    const { createRequire } = await import('node:module');
    process.stdout.write(`${createRequire(import.meta.url)('../../package.json').version}\n`);
    return 0;
  }
  if (command === undefined || command.startsWith('-')) {
    // No subcommand: the terminal UI, which needs a terminal on both ends.
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      process.stderr.write(USAGE);
      return 2;
    }
    return ((await import(TUI_BUNDLE)) as typeof import('./tui.js')).run(argv);
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`kafka-tui: unknown command '${command}'\n${USAGE}`);
    return 2;
  }
  return (await load()).run(rest);
}

/** Exits once stdout is flushed: sockets a client failed to close must not keep the process alive. */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main(process.argv.slice(2)).then(exit, (error: unknown) => {
  process.stderr.write(`kafka-tui: ${errorMessage(error)}\n`);
  if (process.env.KAFKA_TUI_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  exit(exitCodeOf(error));
});
