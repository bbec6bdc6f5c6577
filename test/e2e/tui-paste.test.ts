// Pastes and stray keys in a real 80×24 terminal (tmux) against a real broker: what lands on
// the topic is read back with kcat, so a joined or unintended message cannot hide.
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
const topic = `paste-${Date.now().toString(36)}`;
const configDir = mkdtempSync(join(tmpdir(), 'kafka-tui-paste-'));

/** Every message on the topic as key:value, oldest first. */
async function readBack(): Promise<string[]> {
  const { stdout } = await exec('kcat', ['-b', bootstrap, '-C', '-t', topic, '-e', '-K:', '-q']);
  return stdout.split('\n').filter((line) => line !== '');
}

let term: TmuxSession;

beforeAll(async () => {
  const created = await runCli(['topics', 'create', topic, '--partitions', '1', '-b', bootstrap]);
  expect(created.code, created.stderr).toBe(0);
  term = await TmuxSession.start({ cwd: REPO, env: { KAFKA_TUI_CONFIG_DIR: configDir } });
});

afterAll(async () => {
  await term?.kill();
});

/** Starts the TUI with the topic selected and the consumer tailing it. */
async function launch(): Promise<void> {
  await term.run('clear');
  await term.run(`node ${BIN} -b ${bootstrap} --log-file ${join(configDir, 'client.log')}`);
  await term.waitFor('● connected');
  await term.type('/');
  await term.type(topic);
  await term.waitFor(new RegExp(`Topics\\s+1/\\d+ /${topic}`));
  await term.keys('Enter');
  await term.type('c');
  await term.waitFor(`Consumer ${topic}`);
}

async function quit(): Promise<void> {
  await term.keys('Escape');
  await term.waitFor((s) => !s.includes('cancel'));
  await term.type('q');
  await term.waitForShell();
}

describe('paste into the producer at 80×24', () => {
  it('bracketed and plain pastes of 3 lines produce exactly those 3 messages each, in order, none joined', async () => {
    await launch();
    await term.type('p');
    await term.waitFor('↑ history');

    // Bracketed: tmux wraps the buffer in ESC[200~ … ESC[201~ because the app asked for it.
    await term.tmux('set-buffer', '-b', 'three', 'k1:line-one\nk2:line-two\nk3:line-three');
    await term.tmux('paste-buffer', '-p', '-b', 'three', '-t', term.name);
    await term.waitFor(`send 3 lines to ${topic}? Enter / Esc`);
    await term.keys('Enter');
    await term.waitFor(`✔ sent 3 lines to ${topic}`);
    expect(await readBack()).toEqual(['k1:line-one', 'k2:line-two', 'k3:line-three']);

    // Plain: the same bytes without brackets, one read with CR between the lines.
    await term.tmux('set-buffer', '-b', 'plain', 'k4:four\nk5:five\nk6:six');
    await term.tmux('paste-buffer', '-b', 'plain', '-t', term.name);
    await term.waitFor(`send 3 lines to ${topic}?`);
    await term.keys('Enter');
    await term.waitFor(/\s5 \S+ k6\s+six/);
    const messages = await readBack();
    expect(messages).toEqual(['k1:line-one', 'k2:line-two', 'k3:line-three', 'k4:four', 'k5:five', 'k6:six']);
    // The input is empty: nothing of the pastes is left to be sent with the next Enter.
    const screen = await term.capture();
    expect(screen).toMatch(new RegExp(`^${topic}> *$`, 'm'));

    // Proof the brackets arrive: one bracketed line with its newline is text to edit, not a send
    // (unbracketed, the newline would be Enter).
    await term.tmux('set-buffer', '-b', 'one', 'k7:seven\n');
    await term.tmux('paste-buffer', '-p', '-b', 'one', '-t', term.name);
    await term.waitFor(`${topic}> k7:seven`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await readBack()).toHaveLength(6);
    await quit();
  });

  it('Tab onto the producer pane, then letters and Enter, sends nothing', async () => {
    const before = await readBack();
    await launch();
    await term.keys('Tab');
    await term.waitFor('press Enter to type');
    await term.type('newtopic 4 1');
    await term.keys('Enter');
    // Enter on the pane starts typing (the hint goes); the letters before it were no text.
    await term.waitFor((s) => !s.includes('press Enter to type'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await readBack()).toEqual(before);
    await quit();
  });

  it('← mid-line then Enter sends the edited text; Ctrl-U clears the line', async () => {
    const before = await readBack();
    await launch();
    await term.type('p');
    await term.waitFor('↑ history');
    await term.type('k8:helo');
    await term.keys('Left');
    await term.type('l');
    await term.waitFor(`${topic}> k8:hello`);
    await term.keys('Enter');
    await term.waitFor(/k8\s+hello/);
    expect(await readBack()).toEqual([...before, 'k8:hello']);

    await term.type('k9:never');
    await term.waitFor(`${topic}> k9:never`);
    await term.keys('C-u');
    await term.waitFor((s) => new RegExp(`^${topic}> *$`, 'm').test(s));
    await term.keys('Enter');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await readBack()).toEqual([...before, 'k8:hello']);
    await quit();
  });
});
