// kafka-tui groups: kafka-consumer-groups.sh, one subcommand per action.
import { KafkaUserError } from '../kafka/errors.js';

const SUBCOMMANDS: Record<string, () => Promise<(argv: string[]) => Promise<number>>> = {
  'reset-offsets': async () => (await import('./groups-reset.js')).run,
  delete: async () => (await import('./groups-delete.js')).runDelete,
  'delete-offsets': async () => (await import('./groups-delete.js')).runDeleteOffsets,
};

export async function run(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const load = action === undefined ? undefined : SUBCOMMANDS[action];
  if (!load) throw new KafkaUserError(`groups: unknown action '${action ?? ''}' (${Object.keys(SUBCOMMANDS).join(', ')})`, 2);
  return (await load())(rest);
}
