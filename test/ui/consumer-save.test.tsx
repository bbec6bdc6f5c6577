// s in the consumer pane: what the pane lists (the search's matches when there is a search) saved
// as JSON lines in the consume --format json envelope, binary values in base64, read back here
// with the parser that produce --format json uses; an existing file is not overwritten.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../source/format/message-text.js';
import { record, topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const dir = mkdtempSync(join(tmpdir(), 'kafka-tui-save-'));
const binary = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x1b]);

async function consuming(): Promise<Harness> {
  const a = (app = await renderApp((b) => {
    b.topics = [topic('orders')];
  }));
  await a.waitFor('orders');
  await a.press('c');
  await a.waitFor('Consumer orders');
  a.backend.deliver([
    record(0, 'apple', { headers: [['trace', Buffer.from('t-1')]] }),
    record(1, '', { value: binary, key: null }),
    record(2, 'apricot'),
  ]);
  await a.waitFor('apricot');
  return a;
}

const saveAs = async (a: Harness, path: string) => {
  await a.press('s');
  await a.waitFor('message(s) as JSONL to: orders-');
  // Replace the offered name (orders-YYYYMMDD-HHMMSS.jsonl, 28 characters) with ours.
  await a.press(...Array.from({ length: 28 }, () => KEYS.backspace));
  await a.type(path);
  await a.press(KEYS.enter);
};

describe('s saves the listed messages', () => {
  it('writes every buffered record as an envelope, bytes intact', async () => {
    const a = await consuming();
    const path = join(dir, 'all.jsonl');
    await saveAs(a, path);
    await a.waitFor('saved 3 message(s)');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).offset)).toEqual([0, 1, 2]);
    const decoded = lines.map(parseEnvelope);
    expect(decoded[0]!.value).toEqual(Buffer.from('apple'));
    expect(decoded[0]!.headers).toEqual([['trace', Buffer.from('t-1')]]);
    expect(decoded[1]!.key).toBeNull();
    expect(decoded[1]!.value).toEqual(binary);
    expect(JSON.parse(lines[1]!).valueEncoding).toBe('base64');
    expect(JSON.parse(lines[0]!)).toMatchObject({ topic: 'orders', partition: 0, key: 'k0', value: 'apple' });
  });

  it("saves only the search's matches, and never overwrites a file", async () => {
    const a = await consuming();
    await a.press('/');
    await a.type('^ap');
    await a.press(KEYS.enter);
    const path = join(dir, 'matches.jsonl');
    writeFileSync(path, 'keep me\n');
    await saveAs(a, path);
    await a.waitFor('exists: not overwritten');
    expect(readFileSync(path, 'utf8')).toBe('keep me\n');
    const other = join(dir, 'matches-2.jsonl');
    await saveAs(a, other);
    await a.waitFor('saved 2 message(s)');
    expect(
      readFileSync(other, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).value),
    ).toEqual(['apple', 'apricot']);
  });
});
