// `kafka-tui groups describe` for one group and `kafka-tui groups` (list) with 500 groups, next to
// Kafka's own ConsumerGroupCommand from the same jars, on a 3-node cluster. The outputs are
// checked equal (lists as sets, see below) before they are timed.
// Usage: npm run bench:groups   (BENCH_RUNS=3 BENCH_GROUPS=500 BENCH_PORT=38092 to change the workload)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO, kafkaLocal, median, run, table } from './lib.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 1);
const groupCount = Number(process.env.BENCH_GROUPS ?? 500);
const base = Number(process.env.BENCH_PORT ?? 38092);
const bin = resolve(REPO, 'bin/kafka-tui.js');
const work = mkdtempSync(join(tmpdir(), 'kafka-tui-bench-groups-'));
const triple = { KAFKA_LOCAL_DIR: join(work, 'triple'), KAFKA_LOCAL_PORT: String(base) };
const bootstrap = `127.0.0.1:${base},127.0.0.1:${base + 1},127.0.0.1:${base + 2}`;
const topic = 'bench-groups';

try {
  const classpath = kafkaLocal(triple, 'classpath').stdout.trim();
  kafkaLocal(triple, 'start', '--brokers', '3');
  const tool = (args) =>
    run('java', [
      '-Dorg.apache.logging.log4j.level=OFF',
      '-cp',
      classpath,
      'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
      '--bootstrap-server',
      bootstrap,
      ...args,
    ]);
  const ours = (args) => run(process.execPath, [bin, 'groups', ...args, '-b', bootstrap]);

  run(process.execPath, [bin, 'topics', 'create', topic, '-p', '6', '-r', '3', '-b', bootstrap]);
  const lines = Array.from({ length: 6000 }, (_, i) => `k${i}\tv${i}`).join('\n');
  run(process.execPath, [bin, 'produce', '-t', topic, '--parse-key', '-b', bootstrap], { input: `${lines}\n` });
  run('java', [
    ...['-Dorg.apache.logging.log4j.level=OFF', '-cp', classpath, 'org.apache.kafka.tools.consumer.ConsoleConsumer'],
    ...['--bootstrap-server', bootstrap, '--topic', topic, '--group', 'bench-one', '--from-beginning', '--max-messages', '3000'],
  ]);

  // Groups with commits only (Empty), made in one run of the official tool: a reset of groups that do not exist yet creates them.
  const groupArgs = Array.from({ length: groupCount }, (_, i) => ['--group', `bench-${i}`]).flat();
  tool(['--reset-offsets', ...groupArgs, '--topic', `${topic}:0`, '--to-offset', '1', '--execute']);

  const cases = [
    ['describe one group (6 partitions), 3 nodes', ['describe', 'bench-one'], ['--describe', '--group', 'bench-one']],
    [`list, ${groupCount + 1} groups`, ['list'], ['--list']],
    [`list --state --type, ${groupCount + 1} groups`, ['list', '--state', '--type'], ['--list', '--state', '--type']],
  ];
  // With several brokers the Java admin keeps the groups in a HashMap filled in the order the brokers
  // answer, so groups sharing a bucket may come in either order: lists are compared as sets.
  const same = (what, text) => (what.startsWith('list') ? text.split('\n').sort().join('\n') : text);
  const rows = [];
  for (const [what, oursArgs, theirArgs] of cases) {
    const a = [];
    const b = [];
    for (let i = 0; i < runs; i++) {
      const mine = ours(oursArgs);
      const theirs = tool(theirArgs);
      if (i === 0 && same(what, mine.stdout) !== same(what, theirs.stdout))
        throw new Error(`${what}: outputs differ\n--- ours\n${mine.stdout}\n--- theirs\n${theirs.stdout}`);
      a.push(mine.ms);
      b.push(theirs.ms);
    }
    rows.push([what, `${Math.round(median(a))} ms`, `${Math.round(median(b))} ms`, `${(median(b) / median(a)).toFixed(1)}×`]);
  }
  console.log(
    `\nKafka ${process.env.KAFKA_VERSION ?? '4.3.1'}, 3 nodes, ${runs} run(s) each${runs > 1 ? ', medians' : ''}; outputs checked identical\n`,
  );
  console.log(table(['what', 'kafka-tui groups', 'ConsumerGroupCommand', 'ratio (theirs / ours)'], rows));
} finally {
  try {
    kafkaLocal(triple, 'stop');
  } catch {
    /* not running */
  }
  rmSync(work, { recursive: true, force: true });
}
