// --read-only and a read-only profile refuse every write command with one line, before connecting,
// and the broker shows that nothing changed: checked with our own reads and with kcat.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { kafkaTool } from '../helpers/java-tools.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';
import { runProcess } from '../helpers/run-process.js';

const bootstrap = bootstrapOf(SINGLE);
const existing = uniqueTopic('ro-existing');
const fresh = uniqueTopic('ro-fresh');
const group = uniqueTopic('ro-group');

/** Every command that changes the cluster today, with what its refusal names. */
const WRITES: Array<{ name: string; args: string[]; input?: string; refusal: string }> = [
  { name: 'produce', args: ['produce', '-t', existing], input: 'should-not-arrive\n', refusal: `produce to ${existing}` },
  { name: 'topics create', args: ['topics', 'create', fresh, '--partitions', '2'], refusal: `create topic ${fresh}` },
  { name: 'topics alter', args: ['topics', 'alter', existing, '--partitions', '4'], refusal: `alter topic ${existing}` },
  { name: 'topics delete', args: ['topics', 'delete', existing, '--yes'], refusal: `delete topic ${existing}` },
  {
    name: 'topics alter --config',
    args: ['topics', 'alter', existing, '--config', 'retention.ms=1000'],
    refusal: `alter topic ${existing}`,
  },
  {
    name: 'topics delete-records',
    args: ['topics', 'delete-records', existing, '--before', '1', '--yes'],
    refusal: `delete-records topic ${existing}`,
  },
  {
    name: 'consume --group',
    args: ['consume', '-t', existing, '--group', group, '--from-beginning', '-e'],
    refusal: `commit offsets of group ${group}`,
  },
];

const env = { KAFKA_TUI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'kafka-tui-ro-')) };

async function kcatMetadata(): Promise<{ topics: Array<{ topic: string; partitions: unknown[] }> }> {
  const listed = await runProcess('kcat', ['-b', bootstrap, '-L', '-J'], { timeoutMs: 30_000 });
  return JSON.parse(listed.stdout) as { topics: Array<{ topic: string; partitions: unknown[] }> };
}

describe('read-only', () => {
  beforeAll(async () => {
    await createTopicAndWait(existing, bootstrap, ['--partitions', '2']);
    const produced = await runCli(['produce', '-t', existing, '-b', bootstrap], { input: 'one\ntwo\n' });
    expect(produced.code, produced.stderr).toBe(0);
    const added = await runCli(['config', 'add', 'prod.ro', '-b', bootstrap, '--read-only'], { env });
    expect(added.code, added.stderr).toBe(0);
  });

  describe.each([
    { how: '--read-only', flags: ['-b', bootstrap, '--read-only'], why: '(--read-only is set)' },
    { how: 'a read-only profile', flags: ['--profile', 'prod.ro'], why: "(profile 'prod.ro' is read-only)" },
  ])('under $how', ({ flags, why }) => {
    it.each(WRITES)('refuses $name in one line', async ({ args, input, refusal }) => {
      const result = await runCli([...args, ...flags], { env, input: input ?? '' });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`kafka-tui: refused: ${refusal} ${why}\n`);
    });

    it('still reads', async () => {
      const listed = await runCli(['topics', ...flags], { env });
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout.split('\n')).toContain(existing);
      const consumed = await runCli(['consume', '-t', existing, '--from-beginning', '-e', ...flags], { env });
      expect(consumed.code, consumed.stderr).toBe(0);
      expect(consumed.stdout.split('\n').filter(Boolean).sort()).toEqual(['one', 'two']);
    });
  });

  it('left the broker unchanged (kcat and kafka-consumer-groups)', async () => {
    const metadata = await kcatMetadata();
    const names = metadata.topics.map((t) => t.topic);
    expect(names).toContain(existing);
    expect(names).not.toContain(fresh);
    expect(metadata.topics.find((t) => t.topic === existing)!.partitions).toHaveLength(2);
    const values = await runProcess('kcat', ['-b', bootstrap, '-C', '-t', existing, '-e', '-q', '-f', '%s\\n'], { timeoutMs: 30_000 });
    expect(values.stdout.split('\n').filter(Boolean).sort()).toEqual(['one', 'two']);
    const groups = await kafkaTool(SINGLE, 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', [
      '--bootstrap-server',
      bootstrap,
      '--list',
    ]);
    expect(groups.code, groups.stderr).toBe(0);
    expect(groups.stdout).not.toContain(group);
  });
});
