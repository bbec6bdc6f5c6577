// Starts the real brokers the integration and e2e suites use, once per run.
// Unit and UI suites need none: KAFKA_TUI_TEST_BROKERS=none skips them.
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { startCluster, stopCluster } from './kafka-local.js';
import { REPO, SINGLE, TRIPLE } from './ports.js';

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.KAFKA_TUI_TEST_BROKERS === 'none') return async () => {};
  if (!existsSync(resolve(REPO, 'dist/cli/main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it for you)');
  }
  // Fresh clusters every run: topics and groups left by an earlier run must not leak into assertions.
  await Promise.all([stopCluster(SINGLE), stopCluster(TRIPLE)]);
  for (const spec of [SINGLE, TRIPLE]) rmSync(spec.dir, { recursive: true, force: true });
  await Promise.all([startCluster(SINGLE), startCluster(TRIPLE)]);
  return async () => {
    await Promise.all([stopCluster(SINGLE), stopCluster(TRIPLE)]);
  };
}
