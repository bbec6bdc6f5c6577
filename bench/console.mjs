#!/usr/bin/env node
// Side-by-side benchmark of `kafka-tui consume/produce` against kcat and Kafka's own console
// tools (from the same Maven jars), on one local broker that this script starts and stops.
//
//   npm run bench:console
//   BENCH_MESSAGES=1000000 BENCH_RUNS=3 BENCH_PORT=35092 npm run bench:console
//   BENCH_COMPARE=/path/to/other/checkout npm run bench:console   # its (built) consume measured beside this one
//
// Prints markdown tables of medians: throughput, time to first message, CPU and peak RSS; producers
// keyless and keyed (--parse-key, kcat -K, parse.key=true), all tools taken in turn each run.
// BENCH_ONLY=produce skips the consumers.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, benchBroker, median } from './lib.mjs';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 35092);
const SIZE = 100;
const { bootstrap: BOOTSTRAP, kafkaLocal } = benchBroker(PORT);
const TUI = [process.execPath, join(REPO, 'bin/kafka-tui.js')];
/** Another built checkout (say, this code before a change), whose consume runs in the same rounds: a fair A/B. */
const COMPARE = process.env.BENCH_COMPARE;
const work = mkdtempSync(join(tmpdir(), 'kafka-tui-bench-'));
const log = (text) => process.stderr.write(`bench: ${text}\n`);

/**
 * Runs a command under /usr/bin/time for its peak RSS. stdin from a file (or nothing), stdout
 * to /dev/null or read for the time to its first byte. Returns wall seconds, first-byte seconds
 * and peak RSS in MB.
 */
function measure(argv, { input, firstByte = false } = {}) {
  const timing = join(work, 'time.txt');
  const stdin = input ? openSync(input, 'r') : 'ignore';
  const stdout = firstByte ? 'pipe' : openSync('/dev/null', 'w');
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', timing, ...argv], { stdio: [stdin, stdout, 'pipe'] });
  let stderr = '';
  let first;
  child.stderr.on('data', (chunk) => (stderr += chunk));
  if (firstByte) {
    child.stdout.once('data', () => (first = (performance.now() - started) / 1000));
    child.stdout.resume();
  }
  return new Promise((resolvePromise, reject) => {
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (typeof stdin === 'number') closeSync(stdin);
      if (typeof stdout === 'number') closeSync(stdout);
      if (code !== 0) return reject(new Error(`${argv.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      const [user, system, rssKb] = readFileSync(timing, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      resolvePromise({ seconds, first, rssMb: rssKb / 1024, cpuSeconds: user + system });
    });
  });
}

let topicCounter = 0;
function createTopic(prefix, partitions = 1) {
  const topic = `${prefix}-${Date.now().toString(36)}-${topicCounter++}`;
  execFileSync(TUI[0], [TUI[1], 'topics', 'create', topic, '--partitions', String(partitions), '-b', BOOTSTRAP], { stdio: 'ignore' });
  return topic;
}

function toolsFor(classpath) {
  const java = (main, ...args) => ['java', '-cp', classpath, main, ...args];
  return {
    consume: {
      'kafka-tui': (topic, count) => [...TUI, 'consume', '-t', topic, '--from-beginning', '--max-messages', String(count), '-b', BOOTSTRAP],
      ...(COMPARE && {
        'kafka-tui (BENCH_COMPARE)': (topic, count) => [
          process.execPath,
          join(COMPARE, 'bin/kafka-tui.js'),
          'consume',
          '-t',
          topic,
          '--from-beginning',
          '--max-messages',
          String(count),
          '-b',
          BOOTSTRAP,
        ],
      }),
      kcat: (topic, count) => ['kcat', '-b', BOOTSTRAP, '-C', '-t', topic, '-o', 'beginning', '-c', String(count), '-q'],
      'kafka-console-consumer': (topic, count) =>
        java(
          'org.apache.kafka.tools.consumer.ConsoleConsumer',
          '--bootstrap-server',
          BOOTSTRAP,
          '--topic',
          topic,
          '--from-beginning',
          '--max-messages',
          String(count),
        ),
    },
    produce: {
      'kafka-tui': (topic) => [...TUI, 'produce', '-t', topic, '-b', BOOTSTRAP],
      kcat: (topic) => ['kcat', '-b', BOOTSTRAP, '-P', '-t', topic],
      'kafka-console-producer': (topic) =>
        java('org.apache.kafka.tools.ConsoleProducer', '--bootstrap-server', BOOTSTRAP, '--topic', topic),
    },
    // KEY<tab>VALUE lines, 1,000 distinct keys: hashed to partitions with murmur2 by all three.
    produceKeyed: {
      'kafka-tui': (topic) => [...TUI, 'produce', '-t', topic, '--parse-key', '-b', BOOTSTRAP],
      kcat: (topic) => ['kcat', '-b', BOOTSTRAP, '-P', '-t', topic, '-K', '\t'],
      'kafka-console-producer': (topic) =>
        java('org.apache.kafka.tools.ConsoleProducer', '--bootstrap-server', BOOTSTRAP, '--topic', topic, '--property', 'parse.key=true'),
    },
  };
}

function table(title, rows, columns) {
  const lines = [`### ${title}`, '', `| ${columns.map((c) => c.name).join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${columns.map((c) => c.value(row)).join(' | ')} |`);
  return lines.join('\n');
}

async function main() {
  log(`starting a broker on ${BOOTSTRAP}`);
  kafkaLocal('start');
  try {
    const classpath = kafkaLocal('classpath');
    const tools = toolsFor(classpath);
    const lines = join(work, 'lines.txt');
    const line = `${'x'.repeat(SIZE)}\n`;
    writeFileSync(lines, line.repeat(MESSAGES));
    const keyedLines = join(work, 'keyed.txt');
    writeFileSync(
      keyedLines,
      Array.from({ length: MESSAGES }, (_, i) => {
        const key = `key-${i % 1000}`;
        return `${key}\t${'x'.repeat(SIZE - key.length - 1)}\n`;
      }).join(''),
    );
    const small = join(work, 'small.txt');
    writeFileSync(small, line.repeat(Math.max(1, MESSAGES / 10)));

    // The topics every consumer reads: filled once (by kcat, the fastest writer).
    const topic = createTopic('bench-consume');
    await measure(tools.produce.kcat(topic), { input: lines });
    const smallTopic = createTopic('bench-consume-small');
    await measure(tools.produce.kcat(smallTopic), { input: small });

    const results = { consume: {}, first: {}, produce: {}, produceKeyed: {}, smallRss: {} };
    for (let run = 1; run <= RUNS; run++) {
      for (const [name, argv] of Object.entries(process.env.BENCH_ONLY === 'produce' ? {} : tools.consume)) {
        log(`run ${run}/${RUNS}: consume ${name}`);
        (results.consume[name] ??= []).push(await measure(argv(topic, MESSAGES)));
        (results.first[name] ??= []).push(await measure(argv(topic, 1), { firstByte: true }));
        (results.smallRss[name] ??= []).push(await measure(argv(smallTopic, Math.max(1, MESSAGES / 10))));
      }
      // Producers write to 3-partition topics, keyless and keyed, each tool in turn.
      for (const [name, argv] of Object.entries(tools.produce)) {
        log(`run ${run}/${RUNS}: produce ${name}`);
        (results.produce[name] ??= []).push(await measure(argv(createTopic(`bench-produce-${name}`, 3)), { input: lines }));
      }
      for (const [name, argv] of Object.entries(tools.produceKeyed)) {
        log(`run ${run}/${RUNS}: produce keyed ${name}`);
        (results.produceKeyed[name] ??= []).push(await measure(argv(createTopic(`bench-keyed-${name}`, 3)), { input: keyedLines }));
      }
    }

    const rate = (runs) => MESSAGES / median(runs.map((r) => r.seconds));
    const consumeRows = Object.keys(results.consume).map((name) => ({
      name,
      rate: rate(results.consume[name]),
      first: median(results.first[name].map((r) => r.first ?? r.seconds)),
      rss: median(results.consume[name].map((r) => r.rssMb)),
      smallRss: median(results.smallRss[name].map((r) => r.rssMb)),
    }));
    const produceRowsOf = (runs) =>
      Object.keys(runs).map((name) => ({
        name,
        rate: rate(runs[name]),
        cpu: median(runs[name].map((r) => r.cpuSeconds)),
        rss: median(runs[name].map((r) => r.rssMb)),
      }));
    const produceRows = produceRowsOf(results.produce);
    const keyedRows = produceRowsOf(results.produceKeyed);
    const byName = (rows, name) => rows.find((r) => r.name === name);
    const fmt = (n) => Math.round(n).toLocaleString('en-US');
    const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

    const kcatRate = byName(consumeRows, 'kcat')?.rate;
    const consoleRate = byName(consumeRows, 'kafka-console-consumer')?.rate;
    const consumeTable =
      consumeRows.length === 0
        ? '(consumers skipped: BENCH_ONLY=produce)'
        : table(`Consume ${fmt(MESSAGES)} × ${SIZE}-byte messages from the beginning to /dev/null (median of ${RUNS})`, consumeRows, [
            { name: 'tool', value: (r) => r.name },
            { name: 'msgs/s', value: (r) => fmt(r.rate) },
            { name: 'vs kcat', value: (r) => ratio(r.rate, kcatRate) },
            { name: 'vs console consumer', value: (r) => ratio(r.rate, consoleRate) },
            { name: 'first message (s)', value: (r) => r.first.toFixed(2) },
            { name: `peak RSS MB (${fmt(MESSAGES / 10)} msgs)`, value: (r) => r.smallRss.toFixed(0) },
            { name: `peak RSS MB (${fmt(MESSAGES)} msgs)`, value: (r) => r.rss.toFixed(0) },
          ]);
    const produceTableOf = (title, rows) => {
      const kcatRow = byName(rows, 'kcat');
      const consoleRow = byName(rows, 'kafka-console-producer');
      return table(title, rows, [
        { name: 'tool', value: (r) => r.name },
        { name: 'msgs/s', value: (r) => fmt(r.rate) },
        { name: 'vs kcat', value: (r) => ratio(r.rate, kcatRow.rate) },
        { name: 'vs console producer', value: (r) => ratio(r.rate, consoleRow.rate) },
        { name: 'CPU s (user+sys)', value: (r) => r.cpu.toFixed(2) },
        { name: 'CPU vs kcat', value: (r) => ratio(kcatRow.cpu, r.cpu) },
        { name: 'peak RSS MB', value: (r) => r.rss.toFixed(0) },
      ]);
    };
    const produceTable = produceTableOf(
      `Produce ${fmt(MESSAGES)} keyless lines of ${SIZE} bytes from a file to 3 partitions, acks=all (median of ${RUNS})`,
      produceRows,
    );
    const keyedTable = produceTableOf(
      `Produce ${fmt(MESSAGES)} keyed lines (KEY\\tVALUE, ${SIZE} bytes, 1,000 keys) to 3 partitions, acks=all (median of ${RUNS})`,
      keyedRows,
    );
    process.stdout.write(
      `${consumeTable}\n\n${produceTable}\n\n${keyedTable}\n\nTimes are wall clock per process, including start-up (JVM start for the console tools); ` +
        `the tools run in turn, each run. CPU vs kcat: kcat's CPU seconds over the tool's (above 1 uses less). ` +
        `Load average at the end: ${loadavg()[0].toFixed(1)}.\n`,
    );
  } finally {
    log('stopping the broker');
    kafkaLocal('stop');
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exitCode = 1;
});
