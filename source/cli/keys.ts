// kafka-tui keys: the effective key table (defaults plus the config file's `keys` remaps).
import { ProfileStore } from '../config/profiles.js';
import { KafkaUserError } from '../kafka/errors.js';
import { applyKeyRemaps, keyTable } from '../ui/key-remaps.js';
import { parseArgs, writeOut } from './command.js';

const HELP = `
  Usage
    kafka-tui keys [--json]

  Prints every key binding of the terminal UI: context, keys, command, what it does.
  Remap keys in the config file (kafka-tui config path), per context:
    { "keys": { "topics": { "consume.start": ["x"] }, "global": { "app.quit": ["Q", "ctrl+c"] } } }
  An entry replaces that command's keys in that context. A mistake is reported in one line,
  and then the default keys are used.
`;

const flags = { json: { type: 'boolean' } } as const;

export async function run(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, HELP, flags);
  if (cli.input.length > 0) throw new KafkaUserError(`unexpected argument '${cli.input[0]}'`, 2);
  const { keymap, error } = applyKeyRemaps(new ProfileStore().keys());
  const rows = keyTable(keymap);
  await writeOut(
    cli.flags.json
      ? `${JSON.stringify(rows, null, 2)}\n`
      : rows.map((r) => `${r.context}\t${r.keys.join(' ')}\t${r.command}\t${r.description}\n`).join(''),
  );
  if (!error) return 0;
  process.stderr.write(`kafka-tui: ${error}\n`);
  return 1;
}
