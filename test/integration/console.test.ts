// consume / produce against a real 1-node broker, with kcat as the independent peer.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const exec = promisify(execFile);
const bootstrap = bootstrapOf(SINGLE);
const b = ['-b', bootstrap];

const kafka = new kafkajs.Kafka({ brokers: [bootstrap], clientId: 'console-test', logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();

async function createTopic(prefix: string, partitions = 1, configs: string[] = []): Promise<string> {
  const topic = uniqueTopic(prefix);
  await createTopicAndWait(topic, bootstrap, ['--partitions', String(partitions), ...configs.flatMap((c) => ['--config', c])]);
  return topic;
}

async function produce(topic: string, input: string | Buffer, args: string[] = []) {
  const result = await runCli(['produce', '-t', topic, ...args, ...b], { input });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

async function consume(topic: string, args: string[]) {
  const result = await runCli(['consume', '-t', topic, ...args, ...b], { timeoutMs: 30_000 });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

const kcat = (args: string[], input?: string) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('kcat', ['-b', bootstrap, ...args], { maxBuffer: 64 << 20 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin!.end(input ?? '');
  });

const groupIds = async () => new Set((await admin.listGroups()).groups.map((g) => g.groupId));

beforeAll(async () => {
  await admin.connect();
});

afterAll(async () => {
  await admin.disconnect();
});

describe('round trips', () => {
  it('gives back keyed lines byte for byte, and headers intact', async () => {
    const topic = await createTopic('roundtrip');
    const lines = ['k1:v1', 'k2:välue with spaces', 'k3:tab\there:colon', 'emptyvalue:', ':emptykey', 'k4:\u{1F600}'];
    await produce(topic, `${lines.join('\n')}\n`, ['--parse-key', '--key-separator', ':', '--header', 'source=test', '--header', 'n=2']);
    const text = await consume(topic, ['--from-beginning', '-e', '--property', 'print.key=true', '--property', 'key.separator=:']);
    expect(text.stdoutBytes.equals(Buffer.from(`${lines.join('\n')}\n`))).toBe(true);
    const json = await consume(topic, ['--from-beginning', '-e', '--format', 'json']);
    const envelopes = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(envelopes).toHaveLength(lines.length);
    expect(envelopes[1]).toMatchObject({ partition: 0, offset: 1, key: 'k2', value: 'välue with spaces' });
    expect(envelopes[1].headers).toEqual([
      { key: 'source', value: 'test' },
      { key: 'n', value: '2' },
    ]);
  });

  it('copies a topic with binary keys, values and headers through --format json', async () => {
    const source = await createTopic('binary-src', 3);
    const copy = await createTopic('binary-copy', 3);
    // Recent timestamps: records older than the broker's retention are deleted at its next check,
    // which made this test fail whenever that check fell between producing and reading.
    const base = Date.now() - 60_000;
    const envelopes = Array.from({ length: 60 }, (_, i) => ({
      key: Buffer.from([i, 0xff, 0x00, i * 3]).toString('base64'),
      keyEncoding: 'base64',
      value: Buffer.from(Array.from({ length: 40 + i }, (_, j) => (i * 7 + j * 13) % 256)).toString('base64'),
      valueEncoding: 'base64',
      timestamp: base + i,
      headers: [
        { key: 'bin', value: Buffer.from([0x80, i]).toString('base64'), valueEncoding: 'base64' },
        { key: 'text', value: `h${i}` },
      ],
    }));
    envelopes.push({ key: null, value: null, timestamp: base + 1_000, headers: [] } as never);
    await produce(source, envelopes.map((e) => JSON.stringify(e)).join('\n'), ['--format', 'json']);
    const dumped = await consume(source, ['--from-beginning', '-e', '--format', 'json']);
    await produce(copy, dumped.stdout, ['--format', 'json']);

    const contents = async (topic: string) => {
      const out = await consume(topic, ['--from-beginning', '-e', '--format', 'json']);
      return out.stdout
        .trim()
        .split('\n')
        .map((line) => {
          // Keys place records identically in both topics; the keyless one may land anywhere.
          const { topic: _topic, offset: _offset, partition, ...rest } = JSON.parse(line);
          return JSON.stringify({ ...rest, partition: rest.key === null ? 'any' : partition });
        })
        .sort();
    };
    const [a, c] = await Promise.all([contents(source), contents(copy)]);
    expect(a).toHaveLength(61);
    expect(c).toEqual(a);
    expect(a.some((line) => line.includes('"valueEncoding":"base64"'))).toBe(true);
  });
});

describe('value formats', () => {
  it('renders values as hex or compact JSON, and leaves non-JSON values as text', async () => {
    const topic = await createTopic('value-format');
    await produce(topic, '{ "a" : [1, 2] }\nplain\n');
    const json = await consume(topic, ['--from-beginning', '-e', '--value-format', 'json']);
    expect(json.stdout).toBe('{"a":[1,2]}\nplain\n');
    const hex = await consume(topic, ['--from-beginning', '-e', '--value-format', 'hex']);
    expect(hex.stdout).toBe(`${Buffer.from('{ "a" : [1, 2] }').toString('hex')}\n${Buffer.from('plain').toString('hex')}\n`);
  });
});

describe('parity with kcat', () => {
  it.each(['gzip', 'snappy', 'lz4', 'zstd'])('reads what kcat -P -z %s wrote, as kcat -C reads it', async (codec) => {
    const topic = await createTopic(`kcat-${codec}`, 2);
    const input = Array.from({ length: 3000 }, (_, i) => `key${i % 17}\tvalue-${i}-${'x'.repeat(i % 50)}`).join('\n');
    await kcat(['-P', '-t', topic, '-z', codec, '-K', '\t'], input);
    const theirs = await kcat(['-C', '-t', topic, '-e', '-q', '-f', '%p\t%o\t%k\t%s\n']);
    const ours = await consume(topic, ['--from-beginning', '-e', '--print-partition', '--print-offset', '--print-key']);
    const normalise = (text: string) =>
      text
        .replace(/^Partition:|(?<=\t)Offset:/gm, '')
        .split('\n')
        .filter(Boolean)
        .sort();
    expect(normalise(ours.stdout)).toHaveLength(3000);
    expect(normalise(ours.stdout)).toEqual(normalise(theirs));
  });

  it('writes batches kcat reads back with every codec', async () => {
    const topic = await createTopic('produce-codecs');
    for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
      await produce(topic, `${codec}-1\n${codec}-2\n`, ['--compression', codec]);
    }
    const theirs = await kcat(['-C', '-t', topic, '-e', '-q']);
    expect(theirs.trim().split('\n')).toEqual(['none', 'gzip', 'snappy', 'lz4', 'zstd'].flatMap((c) => [`${c}-1`, `${c}-2`]));
  });
});

describe('where to start and when to stop', () => {
  let topic: string;
  const base = Date.now() - 3 * 3_600_000;

  beforeAll(async () => {
    topic = await createTopic('positions', 3);
    // 30 messages, 10 per partition, one second apart, starting three hours ago.
    const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ key: null, value: `m${i}`, timestamp: base + i * 1000 }));
    for (let p = 0; p < 3; p++) {
      await produce(topic, lines.filter((_, i) => i % 3 === p).join('\n'), ['--format', 'json', '--partition', String(p)]);
    }
  });

  const values = (text: string) => text.trim().split('\n').filter(Boolean);

  it('--exit-at-end reads everything there was, then stops', async () => {
    const out = await consume(topic, ['--from-beginning', '-e']);
    expect(values(out.stdout).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`).sort());
    expect(out.stderr).toContain('consumed 30 messages');
    expect(out.stderr).toContain('0:10 1:10 2:10');
  });

  it('--offset with --partition starts at that offset of that partition', async () => {
    const out = await consume(topic, ['-p', '1', '--offset', '7', '-e', '--print-offset']);
    expect(values(out.stdout)).toEqual(['Offset:7\tm22', 'Offset:8\tm25', 'Offset:9\tm28']);
    const latest = await consume(topic, ['--offset', 'latest', '-e']);
    expect(latest.stdout).toBe('');
  });

  it('--partition (repeatable) reads only those partitions', async () => {
    const out = await consume(topic, ['--from-beginning', '-e', '-p', '0', '-p', '2', '--print-partition']);
    const partitions = new Set(values(out.stdout).map((line) => line.split('\t')[0]));
    expect(partitions).toEqual(new Set(['Partition:0', 'Partition:2']));
    expect(values(out.stdout)).toHaveLength(20);
  });

  it('--max-messages stops after exactly N', async () => {
    const out = await consume(topic, ['--from-beginning', '--max-messages', '7']);
    expect(values(out.stdout)).toHaveLength(7);
    expect(out.stderr).toContain('consumed 7 messages');
  });

  it('--from-timestamp takes ISO-8601 and relative times', async () => {
    const iso = new Date(base + 20_000).toISOString();
    const fromIso = await consume(topic, ['--from-timestamp', iso, '-e']);
    expect(values(fromIso.stdout).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `m${20 + i}`).sort());
    const recent = await consume(topic, ['--from-timestamp', '-1h', '-e']);
    expect(recent.stdout).toBe('');
    const older = await consume(topic, ['--from-timestamp', '-4h', '-e']);
    expect(values(older.stdout)).toHaveLength(30);
  });
});

describe('groups', () => {
  it('--group resumes after the offsets an earlier run committed', async () => {
    const topic = await createTopic('group-resume');
    await produce(topic, Array.from({ length: 20 }, (_, i) => `v${i}`).join('\n'));
    const group = uniqueTopic('g');
    const first = await consume(topic, ['--group', group, '--from-beginning', '--max-messages', '5']);
    expect(first.stdout.trim().split('\n')).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    const second = await consume(topic, ['--group', group, '--from-beginning', '-e']);
    expect(second.stdout.trim().split('\n')).toEqual(Array.from({ length: 15 }, (_, i) => `v${i + 5}`));
    expect(await groupIds()).toContain(group);
  });

  it('creates no consumer group without --group', async () => {
    const topic = await createTopic('no-group', 2);
    await produce(topic, 'a\nb\nc\n');
    const before = await groupIds();
    await consume(topic, ['--from-beginning', '-e']);
    await consume(topic, ['--offset', 'earliest', '--max-messages', '1']);
    await consume(topic, ['--from-timestamp', '-1h', '-e']);
    const after = await groupIds();
    expect([...after].filter((g) => !before.has(g))).toEqual([]);
  });
});

describe('transactions', () => {
  it('hides records of aborted transactions (read_committed)', async () => {
    const topic = await createTopic('txn');
    const producer = kafka.producer({ transactionalId: uniqueTopic('tx'), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const aborted = await producer.transaction();
      await aborted.send({ topic, messages: [{ value: 'aborted-1' }, { value: 'aborted-2' }] });
      await aborted.abort();
      const committed = await producer.transaction();
      await committed.send({ topic, messages: [{ value: 'committed-1' }] });
      await committed.commit();
    } finally {
      await producer.disconnect();
    }
    const out = await consume(topic, ['--from-beginning', '-e']);
    expect(out.stdout).toBe('committed-1\n');
    const everything = await consume(topic, ['--from-beginning', '-e', '--isolation-level', 'read_uncommitted']);
    expect(everything.stdout).toBe('aborted-1\naborted-2\ncommitted-1\n');
  });
});

describe('terminal safety', () => {
  it('prints escape sequences escaped on a TTY, and as stored to a pipe', async () => {
    const topic = await createTopic('escape');
    await produce(topic, 'k\x1b[31m\tv\x1b]0;pwned\x07\x1b[2J\n', ['--parse-key']);
    // `script` gives the command a pseudo-terminal as stdout.
    const command = [process.execPath, BIN, 'consume', '-t', topic, '--from-beginning', '-e', '--print-key', ...b]
      .map((arg) => `'${arg}'`)
      .join(' ');
    const { stdout } = await exec('script', ['-qfec', command, '/dev/null'], { timeout: 30_000 });
    expect(stdout).toContain('k\\x1b[31m\tv\\x1b]0;pwned\\x07\\x1b[2J');
    expect(stdout).not.toContain('\x1b');
    const piped = await consume(topic, ['--from-beginning', '-e', '--format', 'raw']);
    expect(piped.stdout).toBe('v\x1b]0;pwned\x07\x1b[2J\n');

    const rawCommand = [process.execPath, BIN, 'consume', '-t', topic, '--from-beginning', '-e', '--format', 'raw', ...b]
      .map((arg) => `'${arg}'`)
      .join(' ');
    const raw = await exec('script', ['-qfec', rawCommand, '/dev/null'], { timeout: 30_000 }).catch((error) => error);
    expect(raw.code).toBe(2);
    expect(raw.stdout).toContain('kafka-tui: --format raw writes message bytes as stored; pipe or redirect it');
    expect(raw.stdout).not.toContain('\x1b');
  });
});

describe('bad input', () => {
  const oneLine = (stderr: string) => stderr.split('\n').filter(Boolean);

  it.each([
    [['consume', '-t', 'no-such-topic-here', '-e'], 'kafka-tui: unknown topic: no-such-topic-here'],
    [['produce', '-t', 'no-such-topic-here'], 'kafka-tui: unknown topic: no-such-topic-here'],
    [['consume', '-t', 'x', '--offset', 'soon'], "kafka-tui: invalid --offset 'soon'"],
    [['consume', '-t', 'x', '--offset', '5'], 'kafka-tui: --offset N needs --partition'],
    [['consume', '-t', 'x', '--from-timestamp', 'yesterday'], "kafka-tui: invalid --from-timestamp 'yesterday'"],
    [['consume', '-t', 'x', '--property', 'print.kye=true'], "kafka-tui: unknown --property 'print.kye'"],
    [['produce', '-t', 'x', '--acks', '2'], "kafka-tui: invalid --acks '2'"],
  ])('%j fails with one clear line', async (args, message) => {
    const result = await runCli([...args, ...b], { timeoutMs: 30_000 });
    expect(result.code).not.toBe(0);
    expect(oneLine(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it('rejects an offset past the end of the partition', async () => {
    const topic = await createTopic('bad-offset');
    await produce(topic, 'a\nb\n');
    const result = await runCli(['consume', '-t', topic, '-p', '0', '--offset', '50', ...b]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`kafka-tui: offset 50 is out of range for ${topic} partition 0 (it holds 0 to 2)`);
  });

  it('reports an unreachable broker in one line', async () => {
    const result = await runCli(['consume', '-t', 'x', '-e', '-b', '127.0.0.1:1', '--connect-timeout', '2s'], { timeoutMs: 30_000 });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toHaveLength(1);
    // A refused port fails at once (issue 14), not after --connect-timeout.
    expect(result.stderr).toContain('kafka-tui: cannot connect to 127.0.0.1:1: connection refused (ECONNREFUSED)');
  });

  it('reports an oversized message with its line number and the limit, and sends the rest', async () => {
    const topic = await createTopic('oversized', 1, ['max.message.bytes=2000']);
    const input = `first\n${'y'.repeat(5000)}\nthird\n`;
    const result = await runCli(['produce', '-t', topic, ...b], { input });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('kafka-tui: line 2 not sent: MESSAGE_TOO_LARGE');
    expect(result.stderr).toContain('max.message.bytes=2000');
    expect(result.stderr).toContain('sent 2, failed 1');
    const out = await consume(topic, ['--from-beginning', '-e']);
    expect(out.stdout).toBe('first\nthird\n');
  });

  it('reports lines without a key separator and malformed envelopes, never dropping them silently', async () => {
    const topic = await createTopic('bad-lines');
    const keyed = await runCli(['produce', '-t', topic, '--parse-key', ...b], { input: 'k\tv\nnokey\n\nk2\tv2' });
    expect(keyed.code).toBe(1);
    expect(keyed.stderr).toContain('kafka-tui: line 2 not sent: no key separator');
    expect(keyed.stderr).toContain('sent 2, failed 1');
    const json = await runCli(['produce', '-t', topic, '--format', 'json', ...b], { input: '{"value":"ok"}\n{oops\n' });
    expect(json.code).toBe(1);
    expect(json.stderr).toContain('kafka-tui: line 2 not sent: not a message envelope: not valid JSON');
  });

  it('skips empty lines unless --keep-empty, and handles CRLF and a last line without newline', async () => {
    const topic = await createTopic('lines');
    await produce(topic, 'a\r\n\r\n\nb\r\nc');
    await produce(topic, 'd\n\ne', ['--keep-empty']);
    const out = await consume(topic, ['--from-beginning', '-e', '--format', 'json']);
    expect(
      out.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).value),
    ).toEqual(['a', 'b', 'c', 'd', '', 'e']);
  });
});
