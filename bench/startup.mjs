// Start-up of the CLI next to `node -e 0` (the floor any Node tool pays), kcat and Kafka's
// TopicCommand, on one local broker with one small topic. Like hyperfine: the commands run in
// turn, RUNS times each after one warm-up round, and the table gives medians and ratios.
// Usage: npm run bench:startup   (BENCH_RUNS=15 BENCH_PORT=37092 to change)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { REPO, kafkaLocal, median, run, table } from './lib.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const port = Number(process.env.BENCH_PORT ?? 37092);
const bin = resolve(REPO, 'bin/kafka-tui.js');
const work = mkdtempSync(join(tmpdir(), 'kafka-tui-bench-'));
const env = { KAFKA_LOCAL_DIR: join(work, 'kafka'), KAFKA_LOCAL_PORT: String(port) };
const bootstrap = `127.0.0.1:${port}`;
const topic = 'startup';

try {
  const classpath = kafkaLocal(env, 'classpath').stdout.trim();
  kafkaLocal(env, 'start');
  run(process.execPath, [bin, 'topics', 'create', topic, '--partitions', '3', '-b', bootstrap]);
  const commands = {
    'node -e 0': [process.execPath, ['-e', '0']],
    [`kafka-tui describe -t ${topic}`]: [process.execPath, [bin, 'describe', '-t', topic, '-b', bootstrap]],
    'kafka-tui topics': [process.execPath, [bin, 'topics', '-b', bootstrap]],
    [`kcat -L -t ${topic}`]: ['kcat', ['-L', '-t', topic, '-b', bootstrap]],
    [`TopicCommand --describe --topic ${topic}`]: [
      'java',
      ['-cp', classpath, 'org.apache.kafka.tools.TopicCommand', '--bootstrap-server', bootstrap, '--describe', '--topic', topic],
    ],
  };
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let round = 0; round <= runs; round++) {
    for (const [name, [command, args]] of Object.entries(commands)) {
      const { ms } = run(command, args);
      if (round > 0) times[name].push(ms); // round 0 warms the page cache
    }
  }
  const floor = median(times['node -e 0']);
  const rows = Object.entries(times).map(([name, ms]) => [
    `\`${name}\``,
    `${median(ms).toFixed(0)} ms`,
    `${(median(ms) / floor).toFixed(2)}×`,
  ]);
  process.stdout.write(
    `### Start-up, median of ${runs} runs taken in turn (load average ${loadavg()[0].toFixed(1)} at the end)\n\n` +
      `${table(['command', 'wall', 'vs node -e 0'], rows)}\n`,
  );
} finally {
  kafkaLocal(env, 'stop');
  rmSync(work, { recursive: true, force: true });
}
