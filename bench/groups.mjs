// `kafka-tui groups describe` for one group and `kafka-tui groups` (list) with 500 groups, next to
// Kafka's own ConsumerGroupCommand from the same jars, on a 3-node cluster. The outputs are
// checked equal (lists as sets, see below) before they are timed. Then the TUI's groups pane on the
// same groups, in an 80×24 pty: `:groups` to the first full frame (every visible row with its lag),
// and keypress → frame (the `/` filter, a key and Backspace in turn) while the pane refreshes lag
// every 5 s.
// Usage: npm run bench:groups   (BENCH_RUNS=3 BENCH_GROUPS=500 BENCH_PORT=38092 BENCH_TUI_KEYS=40 to change the workload)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO, kafkaLocal, median, run, table } from './lib.mjs';
import { launchTui, percentile } from './pty.mjs';
import { formatCount } from '../dist/format/count.js';

const runs = Number(process.env.BENCH_RUNS ?? 1);
const groupCount = Number(process.env.BENCH_GROUPS ?? 500);
const base = Number(process.env.BENCH_PORT ?? 38092);
const bin = resolve(REPO, 'bin/kafka-tui.js');
const work = mkdtempSync(join(tmpdir(), 'kafka-tui-bench-groups-'));
const triple = { KAFKA_LOCAL_DIR: join(work, 'triple'), KAFKA_LOCAL_PORT: String(base) };
const bootstrap = `127.0.0.1:${base},127.0.0.1:${base + 1},127.0.0.1:${base + 2}`;
const topic = 'bench-groups';
const keyRounds = Number(process.env.BENCH_TUI_KEYS ?? 40);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The groups pane, `tuiRuns` times: launch → connected → `:groups` → the first full frame (a
 * bench-N row with its lag: `lagText` as the pane shows it); then, in the last run, keypress →
 * frame while the lag refreshes go on.
 */
async function groupsPane(total, lagText, tuiRuns) {
  const fullRow = `Empty           0${lagText.padStart(8)}`;
  const toFull = [];
  const launchToFull = [];
  const keys = [];
  let keyWindowMs = 0;
  for (let i = 0; i < tuiRuns; i++) {
    const tui = launchTui({ bootstrap, work });
    try {
      await tui.waitFor('connected');
      const asked = performance.now();
      const offset = tui.output.length;
      tui.send(':groups\r');
      toFull.push(await tui.waitFor(fullRow, { offset, from: asked }));
      launchToFull.push(performance.now() - tui.started);
      if (i < tuiRuns - 1) continue;
      tui.send('/');
      await tui.waitFor('filter', { offset });
      const started = performance.now();
      for (let round = 0; round < keyRounds; round++) {
        const at = tui.output.length;
        const from = performance.now();
        tui.send(round % 2 === 0 ? '7' : '\u007f');
        keys.push(await tui.waitFor(round % 2 === 0 ? '/7' : `${total}/${total}`, { offset: at, from, timeoutMs: 10_000 }));
        await sleep(150);
      }
      keyWindowMs = performance.now() - started;
      tui.send('\u001b');
      await sleep(300); // an Esc and a q read together would be Alt-q, and the TUI would not quit
    } finally {
      await tui.quit();
    }
  }
  return { toFull, launchToFull, keys, keyWindowMs };
}

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

  // The pane shows each bench-N group's lag on partition 0: its end offset minus the commit at 1.
  const described = ours(['describe', 'bench-0']).stdout.split('\n');
  const lag = described.find((line) => line.split(/\s+/)[2] === '0').split(/\s+/)[5];
  const pane = await groupsPane(groupCount + 1, formatCount(Number(lag)), Math.max(runs, 3));
  const ms = (values) =>
    `median ${Math.round(median(values))} ms (min ${Math.round(Math.min(...values))}, max ${Math.round(Math.max(...values))})`;
  console.log(`\nThe TUI's groups pane, ${groupCount + 1} groups, 80×24 pty, ${pane.toFull.length} launches\n`);
  console.log(
    table(
      ['what', 'kafka-tui'],
      [
        ['`:groups` Enter → first full frame (rows with their lag)', ms(pane.toFull)],
        ['launch → groups pane full (connected, then `:groups`)', ms(pane.launchToFull)],
        [
          `keypress → frame, ${pane.keys.length} keys over ${(pane.keyWindowMs / 1000).toFixed(1)} s of 5 s lag refreshes`,
          `p50 ${Math.round(percentile(pane.keys, 0.5))} ms, p95 ${Math.round(percentile(pane.keys, 0.95))} ms, max ${Math.round(Math.max(...pane.keys))} ms`,
        ],
      ],
    ),
  );
} finally {
  try {
    kafkaLocal(triple, 'stop');
  } catch {
    /* not running */
  }
  rmSync(work, { recursive: true, force: true });
}
