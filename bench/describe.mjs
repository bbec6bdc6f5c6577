// Cluster start-up times, and `kafka-tui describe` next to Kafka's own kafka-topics --describe
// (org.apache.kafka.tools.TopicCommand from the same jars) on a 3-node cluster.
// Usage: npm run bench:describe   (BENCH_RUNS=5 BENCH_TOPICS=20 to change the workload)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO, kafkaLocal, median, run, table } from './lib.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const topics = Number(process.env.BENCH_TOPICS ?? 20);
const base = Number(process.env.BENCH_PORT ?? 36092);
const bin = resolve(REPO, 'bin/kafka-tui.js');
const work = mkdtempSync(join(tmpdir(), 'kafka-tui-bench-'));

const single = { KAFKA_LOCAL_DIR: join(work, 'single'), KAFKA_LOCAL_PORT: String(base) };
const triple = { KAFKA_LOCAL_DIR: join(work, 'triple'), KAFKA_LOCAL_PORT: String(base + 100) };
const bootstrap = `127.0.0.1:${base + 100},127.0.0.1:${base + 101},127.0.0.1:${base + 102}`;

try {
  const classpath = kafkaLocal(single, 'classpath').stdout.trim();
  const startSingle = kafkaLocal(single, 'start').ms;
  kafkaLocal(single, 'stop');
  const startTriple = kafkaLocal(triple, 'start', '--brokers', '3').ms;

  for (let i = 0; i < topics; i++) {
    run(process.execPath, [bin, 'topics', 'create', `bench-${i}`, '-p', '6', '-r', '3', '-b', bootstrap]);
  }

  const ours = [];
  const theirs = [];
  for (let i = 0; i < runs; i++) {
    const a = run(process.execPath, [bin, 'describe', '-b', bootstrap]);
    const b = run('java', ['-cp', classpath, 'org.apache.kafka.tools.TopicCommand', '--bootstrap-server', bootstrap, '--describe']);
    if (i === 0) {
      const count = (text) => text.split('\n').filter((l) => l.includes('Partition: ')).length;
      if (count(a.stdout) !== count(b.stdout)) throw new Error(`partition lines differ: ${count(a.stdout)} vs ${count(b.stdout)}`);
    }
    ours.push(a.ms);
    theirs.push(b.ms);
  }
  const m = (v) => `${Math.round(v)} ms`;
  console.log(`\nKafka ${process.env.KAFKA_VERSION ?? '4.3.1'}, ${topics} topics × 6 partitions × RF 3, ${runs} runs each, medians\n`);
  console.log(
    table(
      ['what', 'kafka-tui', 'kafka-topics (TopicCommand)', 'ratio (theirs / ours)'],
      [['describe, all topics, 3 nodes', m(median(ours)), m(median(theirs)), `${(median(theirs) / median(ours)).toFixed(1)}×`]],
    ),
  );
  console.log(
    `\n${table(
      ['cluster start-up (scripts/kafka-local start)', 'wall time'],
      [
        ['1 node (format + start + ready)', m(startSingle)],
        ['3 nodes (format + start + ready)', m(startTriple)],
      ],
    )}`,
  );
} finally {
  // Best effort: a cluster that failed to start has nothing to stop.
  try {
    kafkaLocal(single, 'stop');
  } catch {
    /* not running */
  }
  try {
    kafkaLocal(triple, 'stop');
  } catch {
    /* not running */
  }
  rmSync(work, { recursive: true, force: true });
}
