// s, y and e in a real 80×24 terminal (tmux): the consumer pane's messages saved to a JSONL file, checked
// against what kcat made, a value copied with OSC 52 into tmux's buffer, and a message shown in less.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { REPO, SINGLE, bootstrapOf } from '../helpers/ports.js';
import { TmuxSession } from '../helpers/tmux.js';

const exec = promisify(execFile);
const bootstrap = bootstrapOf(SINGLE);
const topic = uniqueTopic('e2e-save');
const dir = mkdtempSync(join(tmpdir(), 'kafka-tui-e2e-save-'));
let term: TmuxSession;

beforeAll(async () => {
  await createTopicAndWait(topic, bootstrap, ['--partitions', '1']);
  await exec('sh', ['-c', `printf 'a:first\\nb:second\\nc:third\\n' | kcat -b ${bootstrap} -P -t ${topic} -K:`]);
  term = await TmuxSession.start({ cwd: REPO, env: { KAFKA_TUI_CONFIG_DIR: dir } });
});

afterAll(async () => {
  await term?.kill();
});

describe('save in tmux at 80×24', () => {
  it('c, then s with a path of our own, writes the three messages as envelopes; y copies a value', async () => {
    await term.run(`node ${BIN} -b ${bootstrap} --topic ${topic}`);
    await term.waitFor(`Describe ${topic}`);
    await term.type('c');
    await term.waitFor('third');
    await term.type('s');
    await term.waitFor('save 3 message(s) as JSONL to:');
    const path = join(dir, 'saved.jsonl');
    await term.keys('C-u');
    await term.type(path);
    await term.keys('Enter');
    await term.waitFor('saved 3 message(s)');
    const saved = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { topic: string; offset: number; key: string; value: string });
    expect(saved.map(({ topic: t, offset, key, value }) => [t, offset, key, value])).toEqual([
      [topic, 0, 'a', 'first'],
      [topic, 1, 'b', 'second'],
      [topic, 2, 'c', 'third'],
    ]);

    // y: the selected message's value reaches the terminal as OSC 52; tmux (set-clipboard on) keeps it as a buffer.
    await term.tmux('set-option', '-g', 'set-clipboard', 'on');
    await term.type('y');
    await term.waitFor('copied the value of offset 2');
    expect((await term.tmux('show-buffer')).trimEnd()).toBe('third');
    await term.type('q');
    await term.waitForShell();
  });
  it('e shows the message in less; a Ctrl-C there does not quit; q brings the TUI back, drawn whole', async () => {
    const pager = await TmuxSession.start({ cwd: REPO, env: { KAFKA_TUI_CONFIG_DIR: dir } });
    try {
      await pager.run(`PAGER=less node ${BIN} -b ${bootstrap} --topic ${topic}`);
      await pager.waitFor(`Describe ${topic}`);
      await pager.type('c');
      await pager.waitFor('third');
      await pager.type('k'); // offset 1
      await pager.type('e');
      const shown = await pager.waitFor('(END)');
      expect(shown).toContain(`Topic ${topic}`);
      expect(shown).toMatch(/Partition 0 {2}Offset 1 {2}Timestamp /);
      expect(shown).toContain('Value (text, 6 bytes):\n  second');
      await pager.keys('C-c');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await pager.type('q');
      const back = await pager.waitFor((screen) => screen.includes(`Consumer ${topic}`) && !screen.includes('(END)'));
      const lines = back.split('\n');
      expect(lines[0]).toMatch(/^kafka-tui 127\.0\.0\.1:\d+ ● connected/);
      expect(back).toContain('  0        2 ');
      expect(lines[9]).toMatch(/^▶ Consumer /);
      expect(lines[22]).toMatch(/^\/ search .* \? help/);
      // Still running, and reading keys: the help overlay opens, and q quits with the shell's prompt after.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await pager.type('?');
      await pager.waitFor('Everywhere');
      expect(await pager.inAlternateScreen()).toBe(true);
      await pager.type('q');
      await pager.waitForShell();
    } finally {
      await pager.kill();
    }
  });
});
