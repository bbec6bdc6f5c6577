// e in the consumer pane and the detail view: the selected message goes to $PAGER as a file (here a
// script that copies it), pretty JSON and escaped control characters; the TUI leaves the alternate
// screen (and bracketed paste) before the pager and takes them back after, then draws its frame.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { viewerFor } from '../../source/ui/viewer.js';
import { record, topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const dir = mkdtempSync(join(tmpdir(), 'kafka-tui-view-test-'));
const copy = join(dir, 'copy.txt');
const seen = join(dir, 'seen.txt');
const pager = join(dir, 'pager.sh');
// Copies the file it is given, and notes its path and mode (read-only: 400).
writeFileSync(pager, `#!/bin/sh\ncp "$1" '${copy}'\nprintf '%s %s' "$1" "$(stat -c %a "$1")" > '${seen}'\n`);
chmodSync(pager, 0o755);

const LEAVE = '\u001b[?2004l\u001b[?1049l\u001b[?25h';
const ENTER = '\u001b[?1049h\u001b[?25l\u001b[?2004h';

async function consuming(env: NodeJS.ProcessEnv): Promise<Harness> {
  const a = (app = await renderApp(
    (b) => {
      b.topics = [topic('orders')];
    },
    { env: { TERM: 'xterm-256color', ...env } },
  ));
  await a.waitFor('orders');
  await a.press('c');
  await a.waitFor('Consumer orders');
  a.backend.deliver([
    record(0, 'plain \u001b[31mred\u001b[0m text', { headers: [['trace', Buffer.from('t\u0007')]] }),
    record(1, '{"id":7,"items":["book"],"note":"\\u001b]52;c;aGk=\\u0007"}'),
    record(2, '', { value: Buffer.from([0xff, 0xfe, 0x00, 0x41]) }),
  ]);
  await a.waitFor('‹binary 4 B›');
  return a;
}

describe('e opens the message in the pager', () => {
  it('hands the pager a read-only file with pretty JSON, then takes the screen back and redraws', async () => {
    const a = await consuming({ PAGER: pager });
    await a.press(KEYS.up); // offset 1, the JSON value
    await a.press('e');
    expect(a.terminalWrites).toEqual([LEAVE, ENTER]);
    const text = readFileSync(copy, 'utf8');
    expect(text.split('\n')).toEqual([
      'Topic orders',
      expect.stringMatching(/^Partition 0 {2}Offset 1 {2}Timestamp /),
      'Key (text, 2 bytes):',
      '  k1',
      'Headers (0):',
      'Value (json, 57 bytes):',
      '  {',
      '    "id": 7,',
      '    "items": [',
      '      "book"',
      '    ],',
      // JSON.stringify writes control characters as \u escapes: nothing raw reaches the pager.
      '    "note": "\\u001b]52;c;aGk=\\u0007"',
      '  }',
      '',
    ]);
    // The file was private and read-only, and is gone once the pager has returned.
    const [path, mode] = readFileSync(seen, 'utf8').split(' ');
    expect(mode).toBe('400');
    expect(existsSync(path!)).toBe(false);
    // Ink was asked to draw its frame again on a cleared screen (in tests, Ink's debug mode writes
    // the clear alone: the tmux e2e checks the redrawn screen), and the app reads keys and records.
    expect(a.frame()).toContain('\u001b[2J\u001b[H');
    a.backend.deliver([record(3, 'after the pager')]);
    await a.waitFor('after the pager');
    await a.press('j');
    expect(a.frame()).toContain('Consumer orders');
  });

  it('escapes control characters in text values and headers, and shows a binary value as a hex dump (also from the detail view)', async () => {
    const a = await consuming({ PAGER: pager });
    await a.press(KEYS.up, KEYS.up); // offset 0
    await a.press('e');
    const text = readFileSync(copy, 'utf8');
    expect(text).toContain('  plain \\x1b[31mred\\x1b[0m text');
    expect(text).toContain('  trace: t\\x07');
    // Nothing but newlines below a space, and no DEL: no byte of the message reaches the terminal raw.
    expect([...text].filter((c) => (c < ' ' && c !== '\n') || c === '\u007f')).toEqual([]);

    await a.press(KEYS.down, KEYS.down, KEYS.enter); // the detail view of offset 2
    await a.waitFor('Value (hex, 4 bytes)');
    await a.press('e');
    expect(readFileSync(copy, 'utf8')).toContain('Value (hex, 4 bytes):\n  000000  ff fe 00 41');
    expect(a.terminalWrites).toEqual([LEAVE, ENTER, LEAVE, ENTER]);
  });

  it('says when the pager cannot be run, or fails', async () => {
    const a = await consuming({ PAGER: 'kafka-tui-no-such-pager' });
    await a.press('e');
    await a.waitFor('cannot run kafka-tui-no-such-pager: not found (set PAGER)');
    a.unmount();
    const b = await consuming({ PAGER: 'sh -c "exit 3"' });
    await b.press('e');
    await b.waitFor('sh exited with status 3');
  });
});

describe('which program e runs', () => {
  it('is $PAGER, else $VISUAL or $EDITOR with its read-only switch, else less', () => {
    expect(viewerFor({ PAGER: 'less -R', EDITOR: 'vim' })).toEqual({ command: 'less -R', name: 'less' });
    expect(viewerFor({ EDITOR: '/usr/bin/vim' })).toEqual({ command: '/usr/bin/vim -R', name: 'vim' });
    expect(viewerFor({ VISUAL: 'nvim', EDITOR: 'nano' })).toEqual({ command: 'nvim -R', name: 'nvim' });
    expect(viewerFor({ EDITOR: 'nano' })).toEqual({ command: 'nano -v', name: 'nano' });
    expect(viewerFor({ EDITOR: 'code --wait' })).toEqual({ command: 'code --wait', name: 'code' });
    expect(viewerFor({ PAGER: '  ' })).toEqual({ command: 'less', name: 'less' });
  });
});
