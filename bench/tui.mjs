#!/usr/bin/env node
// npm run bench:tui — the TUI in a real pseudo-terminal (util-linux `script`, 80×24) against its
// own single-broker kafka-local cluster:
//   1. launch → first frame, and launch → first message shown (`--topic T`, then `c`);
//   2. peak RSS (VmHWM) once BENCH_TUI_MESSAGES (default 1,000,000) have streamed through the consumer pane;
//   3. keypress → frame latency while kcat floods the tailed topic (rate reported; target ≥ 50k msgs/s):
//      first paced at BENCH_TUI_RATE msgs/s (default 100,000), then unpaced: kcat sends a
//      BENCH_TUI_FLOOD-line file (default 1,000,000) again and again until every key is measured.
// Environment: BENCH_TUI_PORT (37092), BENCH_TUI_MESSAGES, BENCH_TUI_FLOOD, BENCH_TUI_KEYS (40), BENCH_TUI_RATE.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { launchTui, peakRssMb, percentile } from './pty.mjs';

const exec = promisify(execFile);
const repo = resolve(import.meta.dirname, '..');
const port = Number(process.env.BENCH_TUI_PORT ?? 37092);
const messages = Number(process.env.BENCH_TUI_MESSAGES ?? 1_000_000);
const floodCount = Number(process.env.BENCH_TUI_FLOOD ?? 1_000_000);
const keyRounds = Number(process.env.BENCH_TUI_KEYS ?? 40);
const pacedRate = Number(process.env.BENCH_TUI_RATE ?? 100_000);
const bootstrap = `127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'kafka-tui-bench-'));
const clusterEnv = { ...process.env, KAFKA_LOCAL_DIR: join(repo, `.kafka/bench-tui-${port}`), KAFKA_LOCAL_PORT: String(port) };
const bin = join(repo, 'bin/kafka-tui.js');

const kafkaLocal = (...args) => exec(join(repo, 'scripts/kafka-local'), args, { env: clusterEnv, timeout: 300_000 });
const cli = (...args) => exec(process.execPath, [bin, ...args, '-b', bootstrap]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function writeLines(path, count, prefix) {
  const out = createWriteStream(path);
  return new Promise((resolvePromise, reject) => {
    let i = 0;
    const pump = () => {
      while (i < count) {
        const line = `k${i % 1000}:${prefix}-${String(i).padStart(9, '0')}\n`;
        i++;
        if (!out.write(line)) return out.once('drain', pump);
      }
      out.end(resolvePromise);
    };
    out.on('error', reject);
    pump();
  });
}

async function kcatProduce(topic, file) {
  const started = performance.now();
  await exec('kcat', ['-b', bootstrap, '-P', '-t', topic, '-K:', '-l', '-X', 'linger.ms=20', '-X', 'batch.num.messages=10000', file], {
    maxBuffer: 1 << 26,
  });
  return performance.now() - started;
}

/** kcat reading stdin, fed `rate` lines a second in 10 ms ticks. */
function pacedFlood(topic, rate) {
  const child = spawn('kcat', ['-b', bootstrap, '-P', '-t', topic, '-K:', '-X', 'linger.ms=5'], { stdio: ['pipe', 'ignore', 'inherit'] });
  const started = performance.now();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * rate) - sent;
    if (due <= 0) return;
    let chunk = '';
    for (let i = 0; i < due; i++) chunk += `k${(sent + i) % 1000}:paced-${String(sent + i).padStart(9, '0')}\n`;
    sent += due;
    child.stdin.write(chunk);
  }, 10);
  return {
    async stop() {
      clearInterval(timer);
      const ms = performance.now() - started;
      child.stdin.end();
      await new Promise((r) => child.once('close', r));
      return { sent, ms };
    },
  };
}

const launch = (args) => launchTui({ bootstrap, args, work });

async function main() {
  process.stderr.write(`starting kafka-local on ${bootstrap}…\n`);
  await kafkaLocal('start', '--brokers', '1');
  try {
    const seedTopic = `bench-seed-${Date.now().toString(36)}`;
    const floodTopic = `bench-flood-${Date.now().toString(36)}`;
    await cli('topics', 'create', seedTopic, '--partitions', '3');
    await cli('topics', 'create', floodTopic, '--partitions', '3');
    const seedFile = join(work, 'seed.txt');
    const floodFile = join(work, 'flood.txt');
    await writeLines(seedFile, messages, 'seed');
    await writeLines(floodFile, floodCount, 'flood');
    process.stderr.write(`seeding ${messages.toLocaleString('en-US')} messages…\n`);
    await kcatProduce(seedTopic, seedFile);

    // 1 + 2: first frame, first message, then the whole topic through the consumer pane.
    const firstFrames = [];
    const inkFrames = [];
    for (let run = 0; run < 5; run++) {
      const tui = launch([]);
      firstFrames.push(await tui.waitFor('kafka-tui'));
      inkFrames.push(await tui.waitFor('Topics'));
      await tui.waitFor('connected');
      await tui.quit();
    }
    const tui = launch(['--topic', seedTopic]);
    const firstFrame = await tui.waitFor('kafka-tui');
    await tui.waitFor('P=3');
    tui.send('c');
    const firstMessage = await tui.waitFor('seed-0');
    const total = `${messages.toLocaleString('en-US')} received`;
    const allIn = await tui.waitFor(total, { timeoutMs: 600_000 });
    const rss = peakRssMb(tui.pid());
    await tui.quit();

    // 3: keypress → frame while a producer floods the topic being tailed.
    const flooded = launch(['--topic', floodTopic]);
    await flooded.waitFor('P=3');
    flooded.send('C');
    await sleep(100);
    flooded.send('end\r');
    await flooded.waitFor('following');
    const measureKeys = async () => {
      const latencies = [];
      for (let round = 0; round < keyRounds; round++) {
        const key = round % 2 === 0 ? 'k' : 'G';
        const expect = round % 2 === 0 ? 'scrolled' : 'following';
        const offset = flooded.output.length;
        const from = performance.now();
        flooded.send(key);
        latencies.push(await flooded.waitFor(expect, { offset, from, timeoutMs: 10_000 }));
        await sleep(150);
      }
      return latencies;
    };

    // 3a: paced at BENCH_TUI_RATE (default 100,000 msgs/s, twice the target's floor).
    const paced = pacedFlood(floodTopic, pacedRate);
    await sleep(1000);
    const pacedLatencies = await measureKeys();
    const pacedResult = await paced.stop();

    // 3b: unpaced: kcat sends the flood file again and again, as fast as it goes.
    let flooding = true;
    let floodRuns = 0;
    const floodStarted = performance.now();
    const flood = (async () => {
      while (flooding) {
        await kcatProduce(floodTopic, floodFile);
        floodRuns++;
      }
      return performance.now() - floodStarted;
    })();
    await sleep(1000);
    const latencies = await measureKeys();
    flooding = false;
    const floodMs = await flood;
    const floodSent = floodRuns * floodCount;
    const floodRss = peakRssMb(flooded.pid());
    await flooded.quit();

    const f = (ms) => `${(ms / 1000).toFixed(3)} s`;
    const lines = [
      '| measure | result | target |',
      '|---|---|---|',
      `| launch → first frame: the CLI's status line, before Ink loads (median of 5) | ${f(percentile(firstFrames, 0.5))} (min ${f(Math.min(...firstFrames))}, max ${f(Math.max(...firstFrames))}); ${f(firstFrame)} in the consume run | ≤ 0.4 s |`,
      `| launch → first full Ink frame (panes drawn; median of 5) | ${f(percentile(inkFrames, 0.5))} (min ${f(Math.min(...inkFrames))}, max ${f(Math.max(...inkFrames))}) | |`,
      `| launch → first message shown (\`--topic T\`, then \`c\`) | ${f(firstMessage)} | |`,
      `| ${messages.toLocaleString('en-US')} messages through the consumer pane | ${f(allIn - firstMessage)} after the first | |`,
      `| peak RSS after ${messages.toLocaleString('en-US')} messages (VmHWM) | ${rss.toFixed(1)} MB | ≤ 150 MB |`,
      `| flood rate (kcat, ${floodSent.toLocaleString('en-US')} msgs in ${f(floodMs)}, through all the key presses) | ${Math.round(floodSent / (floodMs / 1000)).toLocaleString('en-US')} msgs/s | ≥ 50k msgs/s |`,
      `| flood rate, paced (kcat fed ${pacedResult.sent.toLocaleString('en-US')} msgs in ${f(pacedResult.ms)}) | ${Math.round(pacedResult.sent / (pacedResult.ms / 1000)).toLocaleString('en-US')} msgs/s | ≥ 50k msgs/s |`,
      `| keypress → frame under the paced flood (${keyRounds} keys: k / G) | median ${percentile(pacedLatencies, 0.5).toFixed(0)} ms, p95 ${percentile(pacedLatencies, 0.95).toFixed(0)} ms, max ${Math.max(...pacedLatencies).toFixed(0)} ms | ≤ 100 ms |`,
      `| keypress → frame under the unpaced flood (${keyRounds} keys: k / G) | median ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms | ≤ 100 ms |`,
      `| peak RSS of the flooded TUI | ${floodRss.toFixed(1)} MB | |`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    writeFileSync(join(work, 'result.md'), lines.join('\n'));
  } finally {
    await kafkaLocal('stop').catch(() => {});
  }
}

main().catch((error) => {
  process.stderr.write(`bench:tui failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
