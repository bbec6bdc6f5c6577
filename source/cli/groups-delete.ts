// kafka-tui groups delete / delete-offsets: kafka-consumer-groups.sh --delete and --delete-offsets,
// asking first on a terminal.
import { createInterface } from 'node:readline/promises';
import { KafkaUserError } from '../kafka/errors.js';
import { deleteGroupOffsets, deleteGroups } from '../kafka/group-reset.js';
import { ResetInputError, parseTopicScope } from '../format/offset-reset-text.js';
import { CONNECTION_HELP, connectionFlags, parseArgs, withConnection, writeOut } from './command.js';

const DELETE_HELP = `
  Usage
    kafka-tui groups delete G [G ...] [--yes]

  Deletes consumer groups that have no active members, with their committed offsets.
  Asks on a terminal (type the group's name, or 'yes' for several); --yes skips it.

  Options
    -g, --group G     a group (repeatable; or give them after 'delete')
    -y, --yes         delete without asking
${CONNECTION_HELP}
`;

const DELETE_OFFSETS_HELP = `
  Usage
    kafka-tui groups delete-offsets G --topic T[:0,1,2] [--yes]

  Deletes a group's committed offsets for a topic (every partition, or those listed). The
  coordinator refuses partitions of a topic the group's active members are subscribed to.
  Asks on a terminal (type the group's name); --yes skips it.

  Options
    -g, --group G            the group (or give it after 'delete-offsets')
    -t, --topic T | T:0,1,2  the topic, or some of its partitions
    -y, --yes                delete without asking
${CONNECTION_HELP}
`;

const deleteFlags = {
  ...connectionFlags,
  group: { type: 'string', shortFlag: 'g', isMultiple: true },
  yes: { type: 'boolean', shortFlag: 'y' },
} as const;
const deleteOffsetsFlags = { ...deleteFlags, topic: { type: 'string', shortFlag: 't' } } as const;

/** On a terminal, the answer must be `expected`; without one (and without --yes) the command refuses. */
async function confirm(question: string, expected: string, refusal: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new KafkaUserError(`refusing to ${refusal} without --yes when not on a terminal`, 2);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim() === expected;
  } finally {
    rl.close();
  }
}

export async function runDelete(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, DELETE_HELP, deleteFlags);
  const groupIds = [...new Set([...(cli.flags.group ?? []), ...cli.input])];
  if (groupIds.length === 0) throw new KafkaUserError('groups delete needs a group name', 2);
  const what = groupIds.length === 1 ? `group ${groupIds[0]}` : `groups ${groupIds.join(', ')}`;
  if (!cli.flags.yes) {
    const single = groupIds.length === 1;
    const question = single
      ? `Delete consumer group '${groupIds[0]}' and its committed offsets? Type its name to confirm: `
      : `Delete consumer groups ${groupIds.map((g) => `'${g}'`).join(', ')} and their committed offsets? Type yes to confirm: `;
    if (!(await confirm(question, single ? groupIds[0]! : 'yes', `delete ${what}`))) {
      process.stderr.write('kafka-tui: not deleted\n');
      return 1;
    }
  }
  return withConnection(
    cli.flags,
    async (connection) => {
      const results = await deleteGroups(connection.cluster, groupIds);
      const deleted = results.filter((r) => r.error === null).map((r) => r.groupId);
      for (const r of results)
        if (r.error !== null) process.stderr.write(`kafka-tui: group '${r.groupId}' could not be deleted: ${r.error}\n`);
      // The official tool's success line, so scripts that grep it carry over.
      if (deleted.length > 0)
        await writeOut(`Deletion of requested consumer groups (${deleted.map((g) => `'${g}'`).join(', ')}) was successful.\n`);
      return deleted.length === results.length ? 0 : 1;
    },
    { writes: `delete ${what}` },
  );
}

export async function runDeleteOffsets(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, DELETE_OFFSETS_HELP, deleteOffsetsFlags);
  const groupIds = [...(cli.flags.group ?? []), ...cli.input];
  if (groupIds.length !== 1) throw new KafkaUserError('groups delete-offsets needs exactly one group', 2);
  const groupId = groupIds[0]!;
  if (!cli.flags.topic) throw new KafkaUserError('groups delete-offsets needs --topic T (or T:0,1,2)', 2);
  let scope;
  try {
    scope = parseTopicScope(cli.flags.topic);
  } catch (error) {
    if (error instanceof ResetInputError) throw new KafkaUserError(error.message, 2);
    throw error;
  }
  const partitions = scope.partitions ? ` partitions ${scope.partitions.join(',')}` : '';
  const what = `delete offsets of group ${groupId} for topic ${scope.topic}${partitions}`;
  if (!cli.flags.yes) {
    const question = `Delete the committed offsets of group '${groupId}' for topic ${scope.topic}${partitions}? Type the group's name to confirm: `;
    if (!(await confirm(question, groupId, what))) {
      process.stderr.write('kafka-tui: not deleted\n');
      return 1;
    }
  }
  return withConnection(
    cli.flags,
    async (connection) => {
      const results = await deleteGroupOffsets(connection.cluster, groupId, scope.topic, scope.partitions);
      const failed = results.filter((r) => r.error !== null);
      // The official tool's layout: a summary line, then TOPIC PARTITION STATUS.
      const summary = failed.length === 0 ? 'Request succeed' : 'Request failed';
      const rows = results.map(
        (r) => `${r.topic.padEnd(30)} ${String(r.partition).padEnd(15)} ${r.error === null ? 'Successful' : `Error: ${r.error}`}\n`,
      );
      await writeOut(
        `${summary} for deleting offsets with topic ${scope.topic} group ${groupId}\n\n${'TOPIC'.padEnd(30)} ${'PARTITION'.padEnd(15)} STATUS\n${rows.join('')}`,
      );
      return failed.length === 0 ? 0 : 1;
    },
    { writes: what },
  );
}
