// y and Y in the consumer pane and the detail view: the selected message's value, or its whole
// envelope, written to the terminal as OSC 52 (checked byte for byte); refused where the terminal
// cannot take it, and for a value larger than a clipboard sequence may be.
import { afterEach, describe, expect, it } from 'vitest';
import { record, topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const osc52Of = (text: string | Buffer) => `\u001b]52;c;${Buffer.from(text).toString('base64')}\u0007`;

async function consuming(env?: NodeJS.ProcessEnv): Promise<Harness> {
  const a = (app = await renderApp(
    (b) => {
      b.topics = [topic('orders')];
    },
    { env },
  ));
  await a.waitFor('orders');
  await a.press('c');
  await a.waitFor('Consumer orders');
  a.backend.deliver([
    record(0, 'first-value'),
    record(1, '{"id":7}', { headers: [['trace', Buffer.from('t')]] }),
    record(2, 'x'.repeat(80_000)),
  ]);
  await a.waitFor(/x{20}/);
  return a;
}

describe('copy with OSC 52', () => {
  it('y copies the selected value, Y the envelope, in the list and in the detail view', async () => {
    const a = await consuming();
    await a.press(KEYS.up, KEYS.up); // offset 0
    await a.press('y');
    await a.waitFor('copied the value of offset 0 (11 B)');
    expect(a.terminalWrites).toEqual([osc52Of('first-value')]);

    await a.press(KEYS.down, KEYS.enter); // the detail view of offset 1
    await a.press('Y');
    await a.waitFor('copied the envelope of offset 1');
    const sequence = a.terminalWrites[1]!;
    expect(sequence.startsWith('\u001b]52;c;') && sequence.endsWith('\u0007')).toBe(true);
    const envelope = Buffer.from(sequence.slice('\u001b]52;c;'.length, -1), 'base64').toString();
    expect(JSON.parse(envelope)).toMatchObject({
      topic: 'orders',
      partition: 0,
      offset: 1,
      key: 'k1',
      value: '{"id":7}',
      headers: [{ key: 'trace', value: 't' }],
    });
  });

  it('refuses a value too large for a clipboard sequence, and a terminal that cannot take OSC 52', async () => {
    const a = await consuming();
    await a.press('y'); // the newest: 80,000 B
    await a.waitFor('not copied: 80000 B is more than');
    a.unmount();
    const dumb = await consuming({ TERM: 'dumb' });
    await dumb.press('y');
    await dumb.waitFor('copy needs a terminal that takes OSC 52 (TERM is dumb)');
    expect(dumb.terminalWrites).toEqual([]);
  });
});
