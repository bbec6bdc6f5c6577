// consume's filters and bounded scans against a real broker, each checked against grep, jq or awk over
// kcat's output of the same topic; --key against librdkafka's Java-compatible partitioner.
import { execFile, spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';
import { runOnPty } from '../helpers/pty.js';

const bootstrap = bootstrapOf(SINGLE);
const b = ['-b', bootstrap];

/** Runs a shell pipeline fed by kcat; kcat's own "% Reached end" chatter goes to stderr. */
const shell = (script: string) =>
  new Promise<string>((resolve, reject) => {
    execFile('bash', ['-o', 'pipefail', '-c', script], { maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      error && error.code !== 1 ? reject(new Error(`${script}: ${stderr}`)) : resolve(stdout),
    );
  });

const kcatProduce = (topic: string, lines: string, extra: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn('kcat', ['-b', bootstrap, '-P', '-t', topic, '-X', 'topic.partitioner=murmur2_random', ...extra], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kcat exited ${code}`))));
    child.stdin.end(lines);
  });

async function consume(topic: string, args: string[]) {
  const result = await runCli(['consume', '-t', topic, '--from-beginning', '-e', ...args, ...b], { timeoutMs: 30_000 });
  expect(result.code, result.stderr).toBe(0);
  return { lines: result.stdout.split('\n').filter(Boolean), stderr: result.stderr };
}

const sorted = (lines: string[]) => [...lines].sort();
const nonEmpty = (text: string) => text.split('\n').filter(Boolean);

const CUSTOMERS = 17;
const COUNT = 600;
let topic: string;

beforeAll(async () => {
  topic = uniqueTopic('find');
  await createTopicAndWait(topic, bootstrap, ['--partitions', '12']);
  // Three kinds of value (JSON orders, plain text, JSON arrays), keys in two families, two header sets.
  const line = (i: number) => {
    const key = i % 3 === 0 ? `cust-${i % CUSTOMERS}` : `order-${i}`;
    const value =
      i % 5 === 0
        ? `plain text line ${i} status=${i % 7 === 0 ? 'FAILED' : 'ok'}`
        : i % 11 === 0
          ? `[${i},${i + 1}]`
          : JSON.stringify({ n: i, customer: { id: i % CUSTOMERS, tier: i % 2 ? 'gold' : 'basic' }, total: (i * 37) % 500 });
    return `${key}:${value}`;
  };
  const half = COUNT / 2;
  const first = Array.from({ length: half }, (_, i) => line(i)).join('\n') + '\n';
  const second = Array.from({ length: half }, (_, i) => line(i + half)).join('\n') + '\n';
  await kcatProduce(topic, first, ['-K:', '-H', 'source=billing-eu', '-H', 'trace=abc']);
  await kcatProduce(topic, second, ['-K:', '-H', 'source=shop-us']);
});

const kcatValues = (format = '%s\\n') => `kcat -b ${bootstrap} -C -t ${topic} -e -q -f '${format}'`;

describe('consume filters match grep, jq and awk over kcat', () => {
  it('--grep REGEX: the same values as grep -P', async () => {
    const regex = 'status=FAILED|"total":4\\d\\d,';
    const ours = await consume(topic, ['--grep', regex]);
    const peer = nonEmpty(await shell(`${kcatValues()} | grep -P '${regex}'`));
    expect(peer.length).toBeGreaterThan(10);
    expect(sorted(ours.lines)).toEqual(sorted(peer));
    expect(ours.stderr).toContain(`scanned ${COUNT}, matched ${peer.length} in ${topic}`);
  });

  it('--key-grep REGEX: the same keys and values as awk on the key column', async () => {
    const ours = await consume(topic, ['--key-grep', '^cust-1[0-9]$', '--print-key']);
    const peer = nonEmpty(await shell(`${kcatValues('%k\\t%s\\n')} | awk -F'\\t' '$1 ~ /^cust-1[0-9]$/'`));
    expect(peer.length).toBeGreaterThan(5);
    expect(sorted(ours.lines)).toEqual(sorted(peer));
  });

  it('--header NAME and NAME=REGEX: the same records as grep over kcat headers', async () => {
    const byName = await consume(topic, ['--header', 'trace', '--print-offset', '--print-partition']);
    const peerByName = nonEmpty(
      await shell(`${kcatValues('Partition:%p\\tOffset:%o\\t%h\\t%s\\n')} | grep -P '\\ttrace=|,trace=' | cut -f1,2,4`),
    );
    expect(peerByName).toHaveLength(COUNT / 2);
    expect(sorted(byName.lines)).toEqual(sorted(peerByName));
    const byValue = await consume(topic, ['--header', 'source=-us$', '--grep', 'FAILED']);
    const peerByValue = nonEmpty(
      await shell(`${kcatValues('%h\\t%s\\n')} | grep -P '(^|,)source=[^,]*-us(,|\\t)' | grep FAILED | cut -f2`),
    );
    expect(peerByValue.length).toBeGreaterThan(0);
    expect(sorted(byValue.lines)).toEqual(sorted(peerByValue));
  });

  it("--where '$.customer.id == 4': the same values as jq select", async () => {
    const ours = await consume(topic, ['--where', '$.customer.id == 4 && $.customer.tier == "gold"']);
    // jq -R with fromjson? skips values that are not JSON, as --where does.
    const peer = nonEmpty(
      await shell(`${kcatValues()} | jq -R -c 'fromjson? | objects | select(.customer.id == 4 and .customer.tier == "gold") | .n'`),
    );
    expect(peer.length).toBeGreaterThan(3);
    expect(sorted(ours.lines.map((line) => String(JSON.parse(line).n)))).toEqual(sorted(peer));
  });

  it('--max-messages counts printed matches; --scan-limit counts records read', async () => {
    const firstTwo = await consume(topic, ['--grep', 'FAILED', '--max-messages', '2']);
    expect(firstTwo.lines).toHaveLength(2);
    expect(firstTwo.lines.every((line) => line.includes('FAILED'))).toBe(true);
    expect(firstTwo.stderr).toMatch(/matched 2 in/);
    const scan = await consume(topic, ['-p', '0', '--scan-limit', '20', '--grep', '.', '--print-offset']);
    expect(scan.stderr).toContain(`scanned 20, matched 20 in ${topic}`);
    expect(scan.lines.map((line) => line.split('\t')[0])).toEqual(Array.from({ length: 20 }, (_, i) => `Offset:${i}`));
  });

  it('rejects a bad pattern or expression in one line with exit 2, before reading', async () => {
    for (const args of [
      ['--grep', 'a('],
      ['--where', '$.a =='],
      ['--header', '=x'],
      ['--until', 'soon'],
    ]) {
      const result = await runCli(['consume', '-t', topic, '--from-beginning', '-e', ...args, ...b]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('--until stops each partition at a time', () => {
  it('reads the records before TIME, as awk over kcat timestamps', async () => {
    const timed = uniqueTopic('find-until');
    await createTopicAndWait(timed, bootstrap, ['--partitions', '3']);
    const t0 = Date.now() - 3_600_000;
    const envelopes = Array.from({ length: 90 }, (_, i) => JSON.stringify({ key: `k${i}`, value: `v${i}`, timestamp: t0 + i * 1000 }));
    const produced = await runCli(['produce', '-t', timed, '--format', 'json', ...b], { input: `${envelopes.join('\n')}\n` });
    expect(produced.code, produced.stderr).toBe(0);
    const until = t0 + 40_500;
    const ours = await runCli(['consume', '-t', timed, '--from-beginning', '--until', new Date(until).toISOString(), ...b], {
      timeoutMs: 30_000,
    });
    expect(ours.code, ours.stderr).toBe(0);
    const peer = nonEmpty(
      await shell(`kcat -b ${bootstrap} -C -t ${timed} -e -q -f '%T\\t%s\\n' | awk -F'\\t' '$1 < ${until} { print $2 }'`),
    );
    expect(peer).toHaveLength(41);
    // Without -e it still ends: every partition has a record after TIME.
    expect(sorted(nonEmpty(ours.stdout))).toEqual(sorted(peer));
    expect(ours.stderr).toContain(`scanned 41, matched 41 in ${timed}`);
  });
});

describe('--key reads only the partition the default partitioner picks', () => {
  it('finds each key where kcat (murmur2_random, Java-compatible) wrote it, reading only that partition', async () => {
    const peer = nonEmpty(await shell(`${kcatValues('%k\\t%p\\t%s\\n')}`)).map((line) => line.split('\t'));
    const partitionSizes = new Map<string, number>();
    for (const [, partition] of peer) partitionSizes.set(partition!, (partitionSizes.get(partition!) ?? 0) + 1);
    for (const key of ['cust-4', 'order-1', 'order-598', 'cust-16']) {
      const expected = peer.filter(([k]) => k === key);
      expect(expected.length, key).toBeGreaterThan(0);
      const partition = expected[0]![1]!;
      const ours = await consume(topic, ['--key', key, '--print-partition', '--print-key']);
      expect(sorted(ours.lines), key).toEqual(sorted(expected.map(([k, p, v]) => `Partition:${p}\t${k}\t${v}`)));
      // Only that partition was read: the scan covers exactly its records.
      expect(ours.stderr).toContain(`scanned ${partitionSizes.get(partition)}, matched ${expected.length} in ${topic}`);
      expect(ours.stderr).toMatch(new RegExp(`next offset per partition: ${partition}:\\d+\\)`));
    }
  });

  it('refuses --key with --partition or --group', async () => {
    for (const extra of [
      ['-p', '0'],
      ['--group', 'g'],
    ]) {
      const result = await runCli(['consume', '-t', topic, '--key', 'x', ...extra, ...b]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('binary values', () => {
  it('show as a marker and hex preview on a terminal, and pass through a pipe unchanged', async () => {
    const binaryTopic = uniqueTopic('find-binary');
    await createTopicAndWait(binaryTopic, bootstrap, ['--partitions', '1']);
    const value = Buffer.concat([Buffer.from('36c99cf02f7a0d24ff62e32230556501', 'hex'), Buffer.alloc(184, 0xfe)]);
    const envelope = JSON.stringify({ key: 'bin', value: value.toString('base64'), valueEncoding: 'base64' });
    const produced = await runCli(['produce', '-t', binaryTopic, '--format', 'json', ...b], {
      input: `${envelope}\n{"key":"t","value":"text"}\n`,
    });
    expect(produced.code, produced.stderr).toBe(0);
    const tty = await runOnPty(['consume', '-t', binaryTopic, '--from-beginning', '-e', '--print-key', ...b], '');
    expect(tty.code, tty.screen).toBe(0);
    expect(tty.screen).toContain('bin\t‹binary 200 B› 36 c9 9c f0 2f 7a 0d 24 ff 62 e3 22 30 55 65 01 …');
    expect(tty.screen).toContain('t\ttext');
    expect(tty.screen).not.toContain('\uFFFD');
    const raw = await runCli(['consume', '-t', binaryTopic, '--from-beginning', '-e', '--format', 'raw', ...b]);
    expect(raw.stdoutBytes.equals(Buffer.concat([value, Buffer.from('\ntext\n')]))).toBe(true);
    const text = await runCli(['consume', '-t', binaryTopic, '--from-beginning', '-e', ...b]);
    expect(text.stdoutBytes.equals(Buffer.concat([value, Buffer.from('\ntext\n')]))).toBe(true);
  });
});
