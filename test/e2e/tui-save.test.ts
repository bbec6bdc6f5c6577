// s and y in a real 80×24 terminal (tmux): the consumer pane's messages saved to a JSONL file, checked
// against what kcat made, and a value copied with OSC 52 into tmux's buffer.
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
});
