// :brokers in a real 80×24 terminal (tmux) on the 3-node cluster: the table, Enter → configs, Esc back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { REPO, TRIPLE, bootstrapOf } from '../helpers/ports.js';
import { TmuxSession } from '../helpers/tmux.js';

const bootstrap = bootstrapOf(TRIPLE);
const configDir = mkdtempSync(join(tmpdir(), 'kafka-tui-e2e-brokers-'));
let term: TmuxSession;

beforeAll(async () => {
  term = await TmuxSession.start({ cwd: REPO, env: { KAFKA_TUI_CONFIG_DIR: configDir } });
});

afterAll(async () => {
  await term?.kill();
});

describe('the brokers pane in tmux at 80×24', () => {
  it(':brokers shows a row per broker with the table’s columns; Enter shows configs, Esc goes back, q quits', async () => {
    await term.run(`node ${BIN} -b ${bootstrap}`);
    await term.waitFor('● connected');
    await term.type(':');
    await term.type('brokers');
    await term.keys('Enter');
    let screen = await term.waitFor(/Cluster: \S+\s+Controller: [123]\s+Brokers: 3/);
    expect(screen).toMatch(/ID HOST:PORT\s+RACK STATE CONTROLLER LEADERS REPLICAS OUT-OF-ISR OFFLINE/);
    for (const id of [1, 2, 3]) {
      // Whole rows: nothing is cut at 80 columns.
      expect(screen).toMatch(
        new RegExp(`^ ${id} 127\\.0\\.0\\.1:${TRIPLE.port + id - 1} -\\s+up\\s+(active|-)\\s+\\d+\\s+\\d+\\s+0\\s+0\\s*$`, 'm'),
      );
    }
    expect(screen.match(/\bactive\b/g)).toHaveLength(1);

    await term.keys('Enter');
    screen = await term.waitFor(/Non-default configs for broker 1 \(\d+\)/);
    expect(screen).toMatch(/^node\.id\s+STATIC_BROKER_CONFIG\s+1\s*$/m);
    await term.keys('Escape');
    await term.waitFor((s) => s.includes('Cluster:') && !s.includes('Non-default'));
    await term.keys('Escape');
    await term.waitFor('▶ Topics');
    await term.type('q');
    await term.waitForShell();
    expect(await term.inAlternateScreen()).toBe(false);
  });
});
