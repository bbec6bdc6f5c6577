// kafka-tui brokers: each broker's address, rack, state, controller role and partition load;
// `brokers describe N`: a broker's non-default configs with their sources (ConfigCommand's view).
import { describeBrokerConfigs, describeBrokers } from '../kafka/brokers.js';
import { KafkaUserError } from '../kafka/errors.js';
import { brokerConfigsJson, brokerConfigsText, brokersJson, brokersText } from '../format/brokers-text.js';
import { CONNECTION_HELP, connectionFlags, parseArgs, withConnection, writeOut } from './command.js';

const HELP = `
  Usage
    kafka-tui brokers [list] [--json]
    kafka-tui brokers describe N [--all] [--json]

  'brokers' prints the cluster id and active controller, then per broker: ID, HOST:PORT, RACK,
  STATE (up, or down: stopped or fenced, yet still named by partition replicas), CONTROLLER,
  LEADERS (partitions it leads), REPLICAS (partition replicas it hosts), OUT-OF-ISR and OFFLINE
  (of those replicas). 'brokers describe N' prints broker N's configs that differ from Kafka's
  defaults, with their source (STATIC_BROKER_CONFIG, DYNAMIC_BROKER_CONFIG, ...).

  Options
    --all     every config, defaults included (describe)
    --json    machine-readable output
${CONNECTION_HELP}
`;

const flags = {
  ...connectionFlags,
  all: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

function parseBrokerId(text: string | undefined): number {
  if (text === undefined) throw new KafkaUserError('brokers describe needs a broker id, e.g. brokers describe 1', 2);
  if (!/^\d+$/.test(text)) throw new KafkaUserError(`a broker id is a whole number (got '${text}')`, 2);
  return Number(text);
}

export async function run(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, HELP, flags);
  const [action = 'list', ...rest] = cli.input;
  if (action !== 'list' && action !== 'describe') throw new KafkaUserError(`unknown brokers action '${action}' (list or describe)`, 2);
  const expected = action === 'describe' ? 1 : 0;
  if (rest.length > expected) throw new KafkaUserError(`unexpected argument '${rest[expected]}'`, 2);
  if (action === 'list' && cli.flags.all) throw new KafkaUserError('--all goes with brokers describe N', 2);
  const nodeId = action === 'describe' ? parseBrokerId(rest[0]) : undefined;
  const json = cli.flags.json ?? false;
  return withConnection(cli.flags, async (connection) => {
    if (nodeId === undefined) {
      const overview = await describeBrokers(connection.cluster);
      await writeOut(json ? `${JSON.stringify(brokersJson(overview), null, 2)}\n` : brokersText(overview));
    } else {
      const all = cli.flags.all ?? false;
      const configs = await describeBrokerConfigs(connection.cluster, nodeId, { all });
      await writeOut(json ? `${JSON.stringify(brokerConfigsJson(configs), null, 2)}\n` : brokerConfigsText(configs, all));
    }
    return 0;
  });
}
