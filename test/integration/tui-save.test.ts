// The consumer pane's save (s) against a real broker, round trip: binary records made by kcat are
// read by the TUI's backend, saved as JSONL, sent to another topic by `produce --format json`, and
// kcat finds the same keys, values and headers there, byte for byte.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionManager } from '../../source/kafka/connection.js';
import type { ConsumedRecord } from '../../source/model/backend.js';
import { kafkaBackend } from '../../source/model/kafka-backend.js';
import { saveRecords } from '../../source/model/save-records.js';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const exec = promisify(execFile);
const bootstrap = bootstrapOf(SINGLE);
const source = uniqueTopic('save-src');
const target = uniqueTopic('save-dst');
const dir = mkdtempSync(join(tmpdir(), 'kafka-tui-save-it-'));
const connection = new ConnectionManager({ brokers: [bootstrap], clientId: 'test', connectionTimeoutMs: 10_000, requestTimeoutMs: 10_000 });
const backend = kafkaBackend(connection, bootstrap);

beforeAll(async () => {
  await createTopicAndWait(source, bootstrap, ['--partitions', '1']);
  await createTopicAndWait(target, bootstrap, ['--partitions', '1']);
  // kcat sends each file as one message: binary values (newlines, NULs, invalid UTF-8 included).
  for (let i = 0; i < 3; i++) {
    const file = join(dir, `value-${i}`);
    writeFileSync(file, Buffer.concat([randomBytes(200), Buffer.from([0, 10, 13, 0xff, 0x1b])]));
    await exec('kcat', ['-b', bootstrap, '-P', '-t', source, '-p', '0', '-k', `key-${i}`, '-H', `trace=t${i}`, file]);
  }
});

afterAll(() => connection.shutdown());

function readAll(topic: string, count: number): Promise<ConsumedRecord[]> {
  const records: ConsumedRecord[] = [];
  return new Promise((resolve, reject) => {
    const subscription = backend.consume(
      { topic, from: { kind: 'earliest' }, partitions: [] },
      {
        records: (batch) => {
          records.push(...batch);
          if (records.length >= count) void subscription.stop().then(() => resolve(records));
        },
        error: reject,
      },
    );
    setTimeout(() => reject(new Error(`timed out with ${records.length} records`)), 15_000).unref();
  });
}

/** Keys, headers and values as kcat prints them, as bytes. */
async function kcatBytes(topic: string): Promise<Buffer> {
  const { stdout } = await exec('kcat', ['-b', bootstrap, '-C', '-t', topic, '-e', '-q', '-f', '%k|%h|%s|%S\n'], { encoding: 'buffer' });
  return stdout;
}

describe('save (s) round trip', () => {
  it('records saved as JSONL and produced with --format json are byte-identical', async () => {
    const path = join(dir, 'saved.jsonl');
    expect(await saveRecords(path, source, await readAll(source, 3))).toBe(3);
    const produced = await runCli(['produce', '-t', target, '--format', 'json', '--file', path, '-b', bootstrap]);
    expect(produced.code, produced.stderr).toBe(0);
    const [before, after] = await Promise.all([kcatBytes(source), kcatBytes(target)]);
    expect(before.length).toBeGreaterThan(600);
    expect(after.equals(before)).toBe(true);
  });
});
