// kafka-tui describe: kafka-topics.sh --describe, tolerant of offline partitions.
import { describeTopics } from '../kafka/describe.js';
import { describeJson, describeText, type PartitionFilter } from '../format/describe-text.js';
import { KafkaUserError } from '../kafka/errors.js';
import { describeFailures } from '../kafka/offsets.js';
import { CONNECTION_HELP, connectionFlags, parseArgs, withConnection, writeOut } from './command.js';

const HELP = `
  Usage
    kafka-tui describe [--topic T ...] [--under-replicated-partitions | --unavailable-partitions] [--json]

  Prints each topic (TopicId, PartitionCount, ReplicationFactor, Configs) and one line per partition
  (Leader, Replicas, Isr, Offline) in kafka-topics.sh format. A partition without a leader shows 'Leader: none'.

  Options
    -t, --topic T                    describe these topics (repeatable; default all)
    --under-replicated-partitions    only partitions whose ISR is smaller than their replica set
    --unavailable-partitions         only partitions without a leader
    --include-internal               include internal topics when describing all
    --json                           machine-readable output, with low and high watermarks (null, and a
                                     line on stderr saying why, for a partition whose leader did not give them)
${CONNECTION_HELP}
`;

const flags = {
  ...connectionFlags,
  topic: { type: 'string', shortFlag: 't', isMultiple: true },
  underReplicatedPartitions: { type: 'boolean' },
  unavailablePartitions: { type: 'boolean' },
  includeInternal: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export async function run(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, HELP, flags);
  const { underReplicatedPartitions, unavailablePartitions } = cli.flags;
  if (underReplicatedPartitions && unavailablePartitions) {
    throw new KafkaUserError('use only one of --under-replicated-partitions and --unavailable-partitions', 2);
  }
  const topics = [...(cli.flags.topic ?? []), ...cli.input];
  const filter: PartitionFilter = underReplicatedPartitions ? 'under-replicated' : unavailablePartitions ? 'unavailable' : 'all';
  return withConnection(cli.flags, async (connection) => {
    const result = await describeTopics(connection.cluster, {
      topics,
      includeInternal: cli.flags.includeInternal ?? false,
      watermarks: cli.flags.json ?? false,
    });
    await writeOut(cli.flags.json ? `${JSON.stringify(describeJson(result, filter), null, 2)}\n` : describeText(result, filter));
    if (result.watermarkFailures.length > 0) {
      // The JSON stays whole (null watermarks); what is missing, and why, goes to stderr.
      process.stderr.write(`kafka-tui: no watermarks for ${describeFailures(result.watermarkFailures)}\n`);
    }
    return 0;
  });
}
