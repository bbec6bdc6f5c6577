// Per-record errors in Produce responses, from a real broker: a compacted topic rejects a keyless
// record, and the broker fails the whole batch while naming that record (Produce v8's record
// errors). The line is reported with the broker's reason, the other lines of the batch are sent
// again and land, in order, as kcat reads them.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const exec = promisify(execFile);
const bootstrap = bootstrapOf(SINGLE);

describe('per-record errors in a Produce response', () => {
  it('reports the rejected line with the broker reason and sends the rest of its batch', async () => {
    const topic = uniqueTopic('compacted');
    await createTopicAndWait(topic, bootstrap, ['--partitions', '1', '--config', 'cleanup.policy=compact']);
    const lines = [
      { key: 'k1', value: 'first' },
      { key: null, value: 'no-key' },
      { key: 'k2', value: 'second' },
      { key: null, value: 'no-key-either' },
      { key: 'k3', value: 'third' },
    ];
    const produced = await runCli(['produce', '-t', topic, '--format', 'json', '-b', bootstrap], {
      input: lines.map((line) => JSON.stringify(line)).join('\n') + '\n',
    });
    expect(produced.code).toBe(1);
    const reason = `INVALID_RECORD: Compacted topic cannot accept message without key in topic partition ${topic}-0`;
    expect(produced.stderr.split('\n').filter(Boolean)).toEqual([
      `kafka-tui: line 2 not sent: ${reason}`,
      `kafka-tui: line 4 not sent: ${reason}`,
      `kafka-tui: sent 3, failed 2 to ${topic} (last offset per partition: 0:2)`,
    ]);
    const { stdout } = await exec('kcat', ['-b', bootstrap, '-C', '-t', topic, '-e', '-q', '-f', '%o %k=%s\n']);
    expect(stdout).toBe('0 k1=first\n1 k2=second\n2 k3=third\n');
  });
});
