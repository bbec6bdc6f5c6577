// Describe in a real terminal while a broker of a 3-node cluster goes away: after a refresh the
// ISR shrinks and the under-replicated marker shows; the app keeps running; when the broker
// returns, the ISR recovers and the status bar says connected.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { startBroker, stopBroker } from '../helpers/kafka-local.js';
import { REPO, TRIPLE, bootstrapOf } from '../helpers/ports.js';
import { TmuxSession } from '../helpers/tmux.js';

const bootstrap = bootstrapOf(TRIPLE);
const topic = `e2e3-${Date.now().toString(36)}`;
const STOPPED = 3;

let term: TmuxSession;

interface DescribeRow {
  mark: string;
  partition: number;
  replicas: string;
  isr: string;
}

/** The describe pane's partition rows; at 80 columns the pane starts at column 33. */
function describeRows(screen: string): DescribeRow[] {
  const rows: DescribeRow[] = [];
  for (const line of screen.split('\n')) {
    const match = /^([▲✖ ])\s+(\d+)\s+(\d+|none) (\S+)\s+(\S*)/.exec(line.slice(33));
    if (match) rows.push({ mark: match[1]!, partition: Number(match[2]), replicas: match[4]!, isr: match[5]! });
  }
  return rows;
}

beforeAll(async () => {
  const created = await runCli(['topics', 'create', topic, '--partitions', '3', '--replication-factor', '3', '-b', bootstrap]);
  expect(created.code, created.stderr).toBe(0);
  term = await TmuxSession.start({
    cwd: REPO,
    env: { KAFKA_TUI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'kafka-tui-e2e3-')) },
  });
});

afterAll(async () => {
  await term?.kill();
});

describe('kafka-tui describe while a broker stops', () => {
  it('shows the ISR shrink and the under-replicated marker after a refresh', async () => {
    await term.run(`node ${BIN} -b ${bootstrap} --topic ${topic}`);
    let screen = await term.waitFor(`Describe ${topic}  P=3 RF=3`);
    // Every partition starts fully in sync: three replicas and three ISR members, no marker.
    screen = await term.waitFor((s) => {
      const rows = describeRows(s);
      return rows.length === 3 && rows.every((r) => r.mark === ' ' && r.isr.split(',').length === 3);
    });
    let stopped = false;
    try {
      await stopBroker(TRIPLE, STOPPED);
      stopped = true;
      screen = await term.waitFor((s) => {
        void term.type('r');
        const rows = describeRows(s);
        return rows.length === 3 && rows.every((r) => r.mark === '▲' && !r.isr.split(',').includes(String(STOPPED)));
      }, 60_000);
      for (const row of describeRows(screen)) expect(row.isr.split(',')).toHaveLength(2);
      expect(screen).toMatch(/connected|retrying/);

      // The broker comes back: the ISR grows to three again, the marker goes, and the status is connected.
      await startBroker(TRIPLE, STOPPED);
      stopped = false;
      screen = await term.waitFor((s) => {
        void term.type('r');
        const rows = describeRows(s);
        const recovered = rows.length === 3 && rows.every((r) => r.mark === ' ' && r.isr.split(',').length === 3);
        return recovered && /● connected · 3\b/.test(s.split('\n')[0]!);
      }, 60_000);
      expect(describeRows(screen).map((r) => r.replicas.split(',').length)).toEqual([3, 3, 3]);
    } finally {
      if (stopped) await startBroker(TRIPLE, STOPPED);
    }
    await term.type('q');
    await term.waitFor((s) => !s.includes('Describe'));
    await term.waitForShell();
  }, 180_000);
});
