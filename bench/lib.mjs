// Shared bench helpers: run a command, time it, take medians, print markdown.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function run(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr?.slice(0, 500)}`);
  }
  return { ms, stdout: result.stdout, stderr: result.stderr };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export function kafkaLocal(env, ...args) {
  return run(resolve(REPO, 'scripts/kafka-local'), args, { env: { ...process.env, ...env } });
}

/** A bench broker on `port` in its own state directory: its bootstrap, and kafka-local bound to it (stdout, trimmed). */
export function benchBroker(port) {
  const env = { KAFKA_LOCAL_DIR: resolve(REPO, `.kafka/bench-${port}`), KAFKA_LOCAL_PORT: String(port) };
  return { bootstrap: `127.0.0.1:${port}`, kafkaLocal: (...args) => kafkaLocal(env, ...args).stdout.trim() };
}

export function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
