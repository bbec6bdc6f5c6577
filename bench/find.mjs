#!/usr/bin/env node
// Built-in filtering against piping to grep (and jq): `kafka-tui consume --grep` / `--where` on a topic where
// 1% of the values match, against `kafka-tui consume | grep`, `kcat | grep` and `kcat | jq`, on one local
// broker that this script starts and stops.
//
//   npm run bench:find
//   BENCH_MESSAGES=1000000 BENCH_RUNS=1 BENCH_PORT=35192 npm run bench:find
//
// Prints a markdown table: wall time per pipeline (whole pipeline, start-up included), msgs/s scanned, ratios,
// and the match count, which must be the same for every row.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, benchBroker, median } from './lib.mjs';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const PORT = Number(process.env.BENCH_PORT ?? 35192);
const SIZE = 100;
const { bootstrap: BOOTSTRAP, kafkaLocal } = benchBroker(PORT);
const TUI = `${process.execPath} ${join(REPO, 'bin/kafka-tui.js')}`;
const work = mkdtempSync(join(tmpdir(), 'kafka-tui-bench-find-'));
const log = (text) => process.stderr.write(`bench: ${text}\n`);

/** A JSON value padded to SIZE bytes; every hundredth has status "NEEDLE". */
function value(i) {
  const head = JSON.stringify({ id: i, status: i % 100 === 42 ? 'NEEDLE' : 'ok', pad: '' });
  return head.replace('"pad":""', `"pad":"${'x'.repeat(Math.max(0, SIZE - head.length))}"`);
}

/**
 * Wall seconds, CPU seconds (user + sys of every process in the pipeline, the broker not included) and the
 * number of output lines of a shell pipeline. On a shared machine the CPU time is the steadier figure.
 */
function pipeline(script) {
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', `TIMEFORMAT='%R %U %S'; time (${script} | wc -l)`], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`${script} exited ${result.status}: ${result.stderr.slice(-500)}`);
  const [wall, user, sys] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds: wall, cpu: user + sys, matches: Number(result.stdout.trim()) };
}

async function main() {
  log(`starting a broker on ${BOOTSTRAP}`);
  kafkaLocal('start');
  try {
    const topic = `bench-find-${Date.now().toString(36)}`;
    execFileSync(process.execPath, [join(REPO, 'bin/kafka-tui.js'), 'topics', 'create', topic, '--partitions', '1', '-b', BOOTSTRAP]);
    const lines = join(work, 'lines.txt');
    writeFileSync(lines, Array.from({ length: MESSAGES }, (_, i) => `${value(i)}\n`).join(''));
    execFileSync('kcat', ['-b', BOOTSTRAP, '-P', '-t', topic, '-l', lines]);

    const consume = `${TUI} consume -t ${topic} --from-beginning -e -b ${BOOTSTRAP} 2>/dev/null`;
    const kcat = `kcat -b ${BOOTSTRAP} -C -t ${topic} -e -q`;
    const cases = {
      'kafka-tui consume --grep NEEDLE': `${consume} --grep NEEDLE`,
      "kafka-tui consume --grep 'NEE+DLE' (a regex)": `${consume} --grep 'NEE+DLE'`,
      'kafka-tui consume | grep NEEDLE': `${consume} | grep NEEDLE`,
      'kcat | grep NEEDLE': `${kcat} | grep NEEDLE`,
      'kafka-tui consume (no filter, to wc)': consume,
      'kafka-tui consume --where \'$.status == "NEEDLE"\'': `${consume} --where '$.status == "NEEDLE"'`,
      'kcat | jq select(.status == "NEEDLE")': `${kcat} | jq -c 'select(.status == "NEEDLE")'`,
    };
    const results = {};
    for (let run = 1; run <= RUNS; run++) {
      for (const [name, script] of Object.entries(cases)) {
        log(`run ${run}/${RUNS}: ${name}`);
        (results[name] ??= []).push(pipeline(script));
      }
    }
    const seconds = (name) => median(results[name].map((r) => r.seconds));
    const cpu = (name) => median(results[name].map((r) => r.cpu));
    const fmt = (n) => Math.round(n).toLocaleString('en-US');
    const builtIn = 'kafka-tui consume --grep NEEDLE';
    const rows = Object.keys(cases).map((name) => {
      const cells = [
        name.replace(/\|/g, '\\|'),
        seconds(name).toFixed(2),
        fmt(MESSAGES / seconds(name)),
        `${(seconds(name) / seconds(builtIn)).toFixed(2)}×`,
        cpu(name).toFixed(2),
        `${(cpu(name) / cpu(builtIn)).toFixed(2)}×`,
        results[name][0].matches,
      ];
      return `| ${cells.join(' | ')} |`;
    });
    process.stdout.write(
      [
        `### Find: ${fmt(MESSAGES)} × ${SIZE}-byte JSON values, 1% matching (median of ${RUNS})`,
        '',
        '| pipeline | wall s | msgs/s scanned | wall vs consume --grep | CPU s | CPU vs consume --grep | lines out |',
        '|---|---|---|---|---|---|---|',
        ...rows,
        '',
        'Whole pipelines, start-up included. CPU is user + sys of every process in the pipeline (not the broker);',
        '"lines out" is what reached wc -l and must agree per filter.',
        '',
      ].join('\n'),
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
