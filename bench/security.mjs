// Time to the first message of `consume` over SASL_SSL (PLAIN and SCRAM-SHA-512, TLS with the cluster's
// own CA) against plaintext, and against kcat and Kafka's ConsoleConsumer with the same credentials: one
// plaintext and one sasl_ssl kafka-local broker, the same 1,000 messages on a one-partition `team-` topic of each
// (the user alice may read those). Whole-process wall time from launch until the first message is
// printed and the process has exited (`--max-messages 1`, `kcat -c 1`), in turn, medians.
// kcat (librdkafka 2.0.2 here) fails SCRAM against this broker with "invalid credentials" while
// kafkajs and the Java client pass with the same password, so kcat is compared over PLAIN.
// Usage: npm run bench:security   (BENCH_RUNS=9 BENCH_PORT=25592 to change; the plaintext broker is on PORT+100)
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { REPO, kafkaLocal, median, run, table } from './lib.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 9);
const port = Number(process.env.BENCH_PORT ?? 25592);
const bin = resolve(REPO, 'bin/kafka-tui.js');
const topic = `team-bench-first-${Date.now().toString(36)}`;
const secured = { KAFKA_LOCAL_DIR: resolve(REPO, `.kafka/bench-security-${port}`), KAFKA_LOCAL_PORT: String(port) };
const plain = { KAFKA_LOCAL_DIR: resolve(REPO, `.kafka/bench-${port + 100}`), KAFKA_LOCAL_PORT: String(port + 100) };
const securedBootstrap = `127.0.0.1:${port}`;
const plainBootstrap = `127.0.0.1:${port + 100}`;

try {
  const classpath = kafkaLocal(plain, 'classpath').stdout.trim();
  kafkaLocal(plain, 'start');
  kafkaLocal(secured, 'start', '--security', 'sasl_ssl');
  const admin = kafkaLocal(secured, 'client-properties', 'admin').stdout.trim();
  const alice = kafkaLocal(secured, 'client-properties', 'alice').stdout.trim();
  const alicePlain = kafkaLocal(secured, 'client-properties', 'alice', '--mechanism', 'PLAIN').stdout.trim();
  // kcat takes librdkafka settings, not a properties file: the same user, password and CA, from alice's file.
  const properties = readFileSync(alicePlain, 'utf8');
  const password = /password="([^"]*)"/.exec(properties)[1];
  const ca = /ssl\.truststore\.location=(.*)/.exec(properties)[1].trim();
  const kcatSecurity = [
    ...['-X', 'security.protocol=SASL_SSL', '-X', 'sasl.mechanisms=PLAIN'],
    ...['-X', 'sasl.username=alice', '-X', `sasl.password=${password}`, '-X', `ssl.ca.location=${ca}`],
  ];
  /** run(), with the password never in what it throws. */
  const timed = (command, args) => {
    try {
      return run(command, args);
    } catch (error) {
      throw new Error(String(error.message).replaceAll(password, '<password>'));
    }
  };

  const lines = Array.from({ length: 1000 }, (_, i) => `first-${i}`).join('\n') + '\n';
  for (const [bootstrap, extra] of [
    [plainBootstrap, []],
    [securedBootstrap, ['--command-config', admin]],
  ]) {
    // One partition: with several, kcat fetches one empty partition first and waits its fetch.wait.max.ms (500 ms)
    // whenever the messages happen to be elsewhere, which would time partition placement, not security.
    run(process.execPath, [bin, 'topics', 'create', topic, '--partitions', '1', '-b', bootstrap, ...extra]);
    run(process.execPath, [bin, 'produce', '-t', topic, '-b', bootstrap, ...extra], { input: lines });
  }

  const ours = (bootstrap, extra) => [
    process.execPath,
    [bin, 'consume', '-t', topic, '--from-beginning', '--max-messages', '1', '-b', bootstrap, ...extra],
  ];
  const kcat = (bootstrap, extra) => ['kcat', ['-C', '-t', topic, '-o', 'beginning', '-c', '1', '-q', '-b', bootstrap, ...extra]];
  const consoleConsumer = (bootstrap, extra) => [
    'java',
    [
      ...['-Dorg.apache.logging.log4j.level=OFF', '-cp', classpath, 'org.apache.kafka.tools.consumer.ConsoleConsumer'],
      ...['--bootstrap-server', bootstrap, '--topic', topic, '--from-beginning', '--max-messages', '1', ...extra],
      // alice may use groups named team- only; its commits move the start on, and the next run reads first-1 and so on.
      ...['--group', 'team-bench-console'],
    ],
  ];
  const commands = {
    'kafka-tui, plaintext': ours(plainBootstrap, []),
    'kafka-tui, PLAIN': ours(securedBootstrap, ['--command-config', alicePlain]),
    'kafka-tui, SCRAM-SHA-512': ours(securedBootstrap, ['--command-config', alice]),
    'kcat, plaintext': kcat(plainBootstrap, []),
    'kcat, PLAIN': kcat(securedBootstrap, kcatSecurity),
    'ConsoleConsumer, plaintext': consoleConsumer(plainBootstrap, []),
    'ConsoleConsumer, PLAIN': consoleConsumer(securedBootstrap, ['--command-config', alicePlain]),
    'ConsoleConsumer, SCRAM-SHA-512': consoleConsumer(securedBootstrap, ['--command-config', alice]),
  };
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  const loads = [];
  for (let round = 0; round <= runs; round++) {
    for (const [name, [command, args]] of Object.entries(commands)) {
      if (name.startsWith('ConsoleConsumer') && round > 3) continue; // 4 s a run: three are enough
      const { ms, stdout } = timed(command, args);
      if (!stdout.startsWith('first-')) throw new Error(`${name} printed ${JSON.stringify(stdout.slice(0, 80))}, not a message`);
      if (round > 0) times[name].push(ms); // round 0 warms the page cache and the brokers' SCRAM caches
    }
    loads.push(loadavg()[0]);
  }
  const ms = (name) => (times[name] ? median(times[name]) : undefined);
  const cell = (value) => (value === undefined ? '-' : `${Math.round(value)} ms`);
  const row = (tool) => {
    const [p, plainSasl, scram] = [ms(`${tool}, plaintext`), ms(`${tool}, PLAIN`), ms(`${tool}, SCRAM-SHA-512`)];
    const cost = (value) => (value === undefined ? '-' : `+${Math.round(value - p)} ms (${(value / p).toFixed(2)}×)`);
    return [tool, cell(p), cell(plainSasl), cell(scram), cost(plainSasl), cost(scram)];
  };
  console.log(
    `\nTime to the first message (process wall time), medians of ${runs} runs in turn (ConsoleConsumer: 3); load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}\n`,
  );
  console.log(
    table(
      ['client', 'plaintext', 'sasl_ssl PLAIN', 'sasl_ssl SCRAM-SHA-512', 'cost of PLAIN + TLS', 'cost of SCRAM + TLS'],
      ['kafka-tui', 'kcat', 'ConsoleConsumer'].map(row),
    ),
  );
  console.log(
    `\nkafka-tui over sasl_ssl PLAIN: ${(ms('kafka-tui, PLAIN') / ms('kcat, PLAIN')).toFixed(2)}× kcat's time, ${(ms('ConsoleConsumer, PLAIN') / ms('kafka-tui, PLAIN')).toFixed(1)}× faster than ConsoleConsumer`,
  );
} finally {
  for (const env of [plain, secured]) {
    try {
      kafkaLocal(env, 'stop');
    } catch {
      /* not running */
    }
  }
}
