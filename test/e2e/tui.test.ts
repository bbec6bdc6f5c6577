// The TUI in a real 80×24 terminal (tmux) against a real broker.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { REPO, SINGLE, bootstrapOf } from '../helpers/ports.js';
import { TmuxSession } from '../helpers/tmux.js';

const exec = promisify(execFile);
const bootstrap = bootstrapOf(SINGLE);
const topic = `e2e-${Date.now().toString(36)}`;
const configDir = mkdtempSync(join(tmpdir(), 'kafka-tui-e2e-'));

async function kcatProduce(lines: string): Promise<void> {
  const child = execFile('kcat', ['-b', bootstrap, '-P', '-t', topic, '-K:', '-p', '0']);
  child.stdin!.end(lines);
  await new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`kcat exited ${code}`)))),
  );
}

let term: TmuxSession;

beforeAll(async () => {
  const created = await runCli(['topics', 'create', topic, '--partitions', '1', '-b', bootstrap]);
  expect(created.code, created.stderr).toBe(0);
  await kcatProduce('s1:seed-one\ns2:seed-two\n');
  term = await TmuxSession.start({ cwd: REPO, env: { KAFKA_TUI_CONFIG_DIR: configDir } });
});

afterAll(async () => {
  await term?.kill();
});

describe('kafka-tui in tmux at 80×24', () => {
  it('launches, filters, describes, consumes, produces, stays safe against escape sequences, and quits cleanly', async () => {
    await term.run('clear; echo BEFORE-TUI');
    await term.waitFor('BEFORE-TUI');
    const titleBefore = await term.title();

    // 1. launch
    await term.run(`node ${BIN} -b ${bootstrap} --log-file ${join(configDir, 'client.log')}`);
    await term.waitFor('● connected');
    expect(await term.inAlternateScreen()).toBe(true);

    // 2. filter to the seeded topic
    await term.type('/');
    await term.type(topic);
    await term.waitFor(new RegExp(`Topics\\s+1/\\d+ /${topic}`));
    await term.keys('Enter');

    // 3. describe shows leader, replicas, ISR
    await term.keys('Enter');
    let screen = await term.waitFor(`Describe ${topic}  P=1 RF=1`);
    expect(screen).toMatch(/P\s+LDR REPLICAS ISR/);
    screen = await term.waitFor(/\s0\s+1 1\s+1\s+0\s+2/);

    // 4. c shows the seeded messages
    await term.type('c');
    screen = await term.waitFor('seed-two');
    expect(screen).toMatch(/0\s+0 \S+ s1\s+seed-one/);

    // 5. p, k1:hello, Enter: the broker's answer shows, the consumer pane shows it, kcat reads it
    await term.type('p');
    await term.type('k1:hello');
    await term.keys('Enter');
    screen = await term.waitFor(`✔ sent to ${topic} partition 0 offset 2`);
    screen = await term.waitFor(/0\s+2 \S+ k1\s+hello/);
    const { stdout } = await exec('kcat', ['-b', bootstrap, '-C', '-t', topic, '-e', '-K:', '-q']);
    expect(stdout.split('\n')).toContain('k1:hello');

    // An escape-sequence message shows escaped; the title does not change and the screen is not cleared.
    await kcatProduce('evil:before\u001b]0;pwned\u0007middle\u001b[2Jafter\n');
    screen = await term.waitFor('after');
    expect(screen).toContain('before\\x1b]0;pwned\\x07middle\\x1b[2Jafter');
    expect(screen).toContain('kafka-tui');
    expect(await term.title()).toBe(titleBefore);
    expect(await term.title()).not.toContain('pwned');

    // 6. q leaves the alternate screen: the shell and what was on it come back
    // Esc and q as separate presses: sent together they read as Alt-q, as in any terminal.
    await term.keys('Escape');
    await term.waitFor('▶ Consumer');
    await term.type('q');
    screen = await term.waitFor((s) => s.includes('BEFORE-TUI') && !s.includes('Topics'));
    expect(await term.inAlternateScreen()).toBe(false);
    await term.waitForShell();
    await term.run('echo EXIT=$?');
    await term.waitFor('EXIT=0');
  });

  it('SIGTERM restores the terminal and exits 143; a resize re-lays out without ghost lines', async () => {
    await term.run('clear; echo BEFORE-TUI');
    await term.run(`node ${BIN} -b ${bootstrap}`);
    await term.waitFor('● connected');
    await term.tmux('resize-window', '-t', term.name, '-x', '100', '-y', '30');
    let screen = await term.waitFor((s) => s.split('\n')[28]?.includes('/ filter') ?? false);
    await term.tmux('resize-window', '-t', term.name, '-x', '80', '-y', '24');
    // Settled: for a moment after a resize the terminal still shows the frame drawn for the old size.
    screen = await term.waitFor((s) => (s.split('\n')[22]?.includes('/ filter') && s.startsWith('kafka-tui 127')) ?? false);
    // One status bar and one hint bar: nothing left over from the larger layout.
    expect(screen.match(/kafka-tui 127/g)).toHaveLength(1);
    expect(screen.match(/\/ filter/g)).toHaveLength(1);
    const panePid = (await term.tmux('display-message', '-p', '-t', term.name, '#{pane_pid}')).trim();
    const { stdout: child } = await exec('pgrep', ['-P', panePid]);
    process.kill(Number(child.trim().split('\n')[0]), 'SIGTERM');
    await term.waitForShell();
    expect(await term.inAlternateScreen()).toBe(false);
    await term.run('echo EXIT=$?');
    await term.waitFor('EXIT=143');
  });

  it('Ctrl-C quits like q: terminal restored, exit 0', async () => {
    await term.run('clear; echo BEFORE-TUI');
    await term.run(`node ${BIN} -b ${bootstrap}`);
    await term.waitFor('● connected');
    await term.keys('C-c');
    await term.waitForShell();
    expect(await term.inAlternateScreen()).toBe(false);
    await term.run('echo EXIT=$?');
    await term.waitFor('EXIT=0');
    expect(await term.capture()).toContain('BEFORE-TUI');
  });
});
