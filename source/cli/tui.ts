// kafka-tui with no subcommand: the fullscreen terminal UI. Ink and React load only here.
import { completeSettings } from '../config/connection-settings.js';
import { ConnectionManager } from '../kafka/connection.js';
import { KafkaUserError } from '../kafka/errors.js';
import { CONNECTION_HELP, connectionFlags, parseArgs, resolveConnection } from './command.js';
import { promptHidden } from './prompt.js';
import { enterFullscreen, leaveFullscreen } from '../ui/screen.js';

const HELP = `
  Usage
    kafka-tui [--topic T] [--read-only] [--no-color] [--buffer-size N] [connection flags]

  Opens the terminal UI (needs a terminal). Press ? inside for every key.

  Options
    -t, --topic T          open on topic T's describe
    --no-color             no colours (also NO_COLOR)
    --buffer-size N        messages the consumer pane keeps (default 10000)
    --key-separator S      producer input splits key and value at S (default ':')
${CONNECTION_HELP}
`;

const flags = {
  ...connectionFlags,
  topic: { type: 'string', shortFlag: 't' },
  color: { type: 'boolean' },
  bufferSize: { type: 'string' },
  keySeparator: { type: 'string' },
} as const;

function bufferSizeOf(text: string | undefined): number {
  if (text === undefined) return 10_000;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 10_000_000) {
    throw new KafkaUserError(`invalid --buffer-size '${text}': use a whole number from 1 to 10000000`, 2);
  }
  return Number(text);
}

export async function run(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, HELP, flags);
  if (cli.input.length > 0) throw new KafkaUserError(`unknown command '${cli.input[0]}' (see: kafka-tui --help)`, 2);
  const bufferSize = bufferSizeOf(cli.flags.bufferSize);
  const keySeparator = cli.flags.keySeparator ?? ':';
  if (keySeparator === '') throw new KafkaUserError('--key-separator must not be empty', 2);
  const settings = await resolveConnection(cli.flags);
  // The password prompt, if any, happens before the screen is taken over.
  const options = await completeSettings(settings, process.env, promptHidden);
  const connection = new ConnectionManager(options);
  const label = settings.profileName ?? options.brokers.join(',');
  enterFullscreen(process.stdout, `kafka-tui ${label} … starting`);
  // Ink draws only its last frame when it thinks it runs in CI (is-in-ci reads CI at import).
  // We are on a terminal at both ends, so this session is interactive whatever CI says.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  // The config file (conf) loads beside Ink, after the first status line, as the history does.
  const loading = Promise.all([
    import('../ui/terminal.js'),
    import('../model/kafka-backend.js'),
    import('../config/producer-history.js'),
    import('../config/profiles.js'),
    import('../ui/key-remaps.js'),
  ]);
  const [{ runTui }, { kafkaBackend }, { ProducerHistory }, { ProfileStore }, { applyKeyRemaps }] = await loading.catch(
    (error: unknown) => {
      leaveFullscreen(process.stdout);
      throw error;
    },
  );
  // A refused remap is shown in the hint bar at start; the default keys work meanwhile.
  const keys = applyKeyRemaps(new ProfileStore().keys());
  return runTui({
    backend: kafkaBackend(connection, label),
    history: new ProducerHistory(),
    readOnly: settings.readOnly,
    color: cli.flags.color !== false && !process.env.NO_COLOR, // no-color.org: set and non-empty
    initialTopic: cli.flags.topic,
    keys,
    bufferSize,
    keySeparator,
  });
}
