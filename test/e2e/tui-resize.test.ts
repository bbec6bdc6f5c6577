// Resizing a real terminal (tmux) under the TUI against a real broker: below the minimum size one
// centred line, and back at a usable size exactly the frame a fresh start at that size draws,
// with no line left over from an earlier size.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { REPO, SINGLE, bootstrapOf } from '../helpers/ports.js';
import { TmuxSession } from '../helpers/tmux.js';

const bootstrap = bootstrapOf(SINGLE);
const topic = `e2e-resize-${Date.now().toString(36)}`;
const configDir = mkdtempSync(join(tmpdir(), 'kafka-tui-e2e-resize-'));
const launch = `node ${BIN} -b ${bootstrap} --topic ${topic} --log-file ${join(configDir, 'client.log')}`;

let term: TmuxSession;
let fresh: TmuxSession | undefined;

beforeAll(async () => {
  const created = await runCli(['topics', 'create', topic, '--partitions', '2', '-b', bootstrap]);
  expect(created.code, created.stderr).toBe(0);
  term = await TmuxSession.start({ cwd: REPO, env: { KAFKA_TUI_CONFIG_DIR: configDir } });
});

afterAll(async () => {
  await term?.kill();
  await fresh?.kill();
});

const lines = (screen: string) => screen.replace(/\n$/, '').split('\n');

async function resize(session: TmuxSession, width: number, height: number): Promise<void> {
  await session.tmux('resize-window', '-t', session.name, '-x', String(width), '-y', String(height));
}

/** A complete frame: the status bar on the first row and the hint bar on the one before the last. */
const complete = (rows: number) => (screen: string) => {
  const all = lines(screen);
  return all.length >= rows - 1 && all[0]!.startsWith('kafka-tui ') && /\? help/.test(all[rows - 2] ?? '') && /● connected/.test(all[0]!);
};

describe('kafka-tui while the terminal is resized', () => {
  it('80×24 → 20×5 → 120×40 shows the too-small line in between and leaves no stale line', async () => {
    await term.run(launch);
    let screen = await term.waitFor((s) => complete(24)(s) && s.includes(`Describe ${topic}  P=2`));
    for (const line of lines(screen)) expect(stringWidth(line)).toBeLessThanOrEqual(80);

    await resize(term, 20, 5);
    screen = await term.waitFor((s) => lines(s).filter((l) => l.trim() !== '').length === 1 && s.includes('too small: 20×5'));
    const shown = lines(screen);
    expect(shown.filter((l) => l.trim() !== '')).toEqual([expect.stringMatching(/^\s*too small: 20×5\s*$/)]);

    await resize(term, 120, 40);
    screen = await term.waitFor((s) => complete(40)(s) && s.includes(`Describe ${topic}  P=2`));

    // The same app started afresh at 120×40 draws the reference frame.
    fresh = await TmuxSession.start({ width: 120, height: 40, cwd: REPO, env: { KAFKA_TUI_CONFIG_DIR: configDir } });
    await fresh.run(launch);
    const reference = await fresh.waitFor((s) => complete(40)(s) && s.includes(`Describe ${topic}  P=2`));
    expect(lines(reference)).toHaveLength(lines(screen).length);
    // Give any late redraw its chance before comparing line by line.
    screen = await term.waitFor((s) => s === reference, 5_000).catch(() => term.capture());
    expect(lines(screen)).toEqual(lines(reference));
    expect(screen).not.toContain('too small');

    await fresh.type('q');
    await fresh.waitForShell();
    await term.type('q');
    await term.waitForShell();
    expect(await term.inAlternateScreen()).toBe(false);
  });
});
