// `npm start`: use the Kafka on KAFKA_BOOTSTRAP_SERVERS (default localhost:9092) or start a
// local one with scripts/kafka-local, seed demo topics once, then open kafka-tui on it.
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bootstrap = process.env.KAFKA_BOOTSTRAP_SERVERS ?? 'localhost:9092';

function reachable(address) {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  return new Promise((done) => {
    const socket = connect({ host, port, timeout: 1000 });
    socket.once('connect', () => done(socket.end() && true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(socket.destroy() && false));
  });
}

if (!(await reachable(bootstrap.split(',')[0]))) {
  if (process.env.KAFKA_BOOTSTRAP_SERVERS) {
    console.error(`kafka-tui: nothing answers at ${bootstrap}`);
    process.exit(1);
  }
  console.error('kafka-tui: no Kafka on localhost:9092; starting one with scripts/kafka-local (first run downloads the jars)');
  const started = spawnSync(resolve(repo, 'scripts/kafka-local'), ['start'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (started.status !== 0) process.exit(started.status ?? 1);
}

const { seedDemoTopics, DEMO_TOPICS } = await import('./seed-demo.mjs');
await seedDemoTopics(bootstrap);

// The TUI needs a terminal; piped, show what it would have opened on.
const args = process.stdin.isTTY && process.stdout.isTTY ? [] : ['describe', ...DEMO_TOPICS.flatMap((d) => ['-t', d.topic])];
const tui = spawnSync(process.execPath, [resolve(repo, 'bin/kafka-tui.js'), ...args, '-b', bootstrap, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(tui.status ?? 1);
