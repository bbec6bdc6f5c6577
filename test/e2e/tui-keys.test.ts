// A key remapped in the config file works in a real terminal: c → x consumes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { REPO, SINGLE, bootstrapOf } from '../helpers/ports.js';
import { TmuxSession } from '../helpers/tmux.js';

const bootstrap = bootstrapOf(SINGLE);
const topic = `e2e-keys-${Date.now().toString(36)}`;
const configDir = mkdtempSync(join(tmpdir(), 'kafka-tui-e2e-keys-'));

let term: TmuxSession;

beforeAll(async () => {
  const created = await runCli(['topics', 'create', topic, '--partitions', '1', '-b', bootstrap]);
  expect(created.code, created.stderr).toBe(0);
  const produced = await runCli(['produce', '-t', topic, '-b', bootstrap], { input: 'remapped-seed\n' });
  expect(produced.code, produced.stderr).toBe(0);
  writeFileSync(join(configDir, 'config.json'), JSON.stringify({ profiles: {}, keys: { topics: { 'consume.start': ['x'] } } }));
  term = await TmuxSession.start({ cwd: REPO, env: { KAFKA_TUI_CONFIG_DIR: configDir } });
});

afterAll(async () => {
  await term?.kill();
});

describe('remapped keys in tmux', () => {
  it('with consume.start mapped to x in topics, c does nothing there and x consumes', async () => {
    await term.run(`node ${BIN} -b ${bootstrap} --log-file ${join(configDir, 'client.log')}`);
    await term.waitFor('● connected');
    await term.type('/');
    await term.type(topic);
    // A long filter may not fit the pane's title; one topic listed is the filter's effect.
    await term.waitFor(new RegExp(`Topics\\s+1/\\d+`));
    await term.keys('Enter');
    let screen = await term.waitFor('x consume');
    expect(screen).not.toMatch(/\bc consume\b/);
    await term.type('c');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await term.capture()).not.toContain(`Consumer ${topic}`);
    await term.type('x');
    screen = await term.waitFor('remapped-seed');
    expect(screen).toContain(`Consumer ${topic}`);
    await term.type('q');
    await term.waitForShell();
  });
});
