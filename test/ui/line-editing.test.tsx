// The line editor in the panes: the producer and the prompts edit mid-line and send what is shown.
import { afterEach, describe, expect, it } from 'vitest';
import { topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const EDIT = {
  left: '\u001b[D',
  right: '\u001b[C',
  home: '\u001b[H',
  end: '\u001b[F',
  delete: '\u001b[3~',
  ctrlA: '\u0001',
  ctrlE: '\u0005',
  ctrlK: '\u000b',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
  ctrlY: '\u0019',
  altB: '\u001bb',
  ctrlLeft: '\u001b[1;5D',
};

const start = async () => {
  app = await renderApp((b) => {
    b.topics = [topic('events'), topic('orders')];
  });
  await app.waitFor('orders');
  return app;
};

describe('editing the producer line', () => {
  it('← then a letter edits mid-line, and Enter sends the edited text', async () => {
    const app = await start();
    await app.press('p');
    await app.type('k1:helo');
    await app.press(EDIT.left);
    await app.type('l');
    await app.waitFor('events> k1:hello');
    await app.press(KEYS.enter);
    await app.waitFor('✔ sent');
    expect(app.backend.produced[0]!.value.toString()).toBe('hello');
  });

  it('Home, Delete, End, Backspace mid-line, Ctrl-A/E', async () => {
    const app = await start();
    await app.press('p');
    await app.type('xk:vaa');
    await app.press(EDIT.home, EDIT.delete, EDIT.end, KEYS.backspace);
    await app.waitFor('events> k:va');
    await app.press(EDIT.ctrlA);
    await app.type('-p 1 ');
    await app.press(EDIT.ctrlE);
    await app.type('l');
    await app.press(EDIT.left, KEYS.backspace);
    await app.waitFor('events> -p 1 k:vl');
    await app.press(KEYS.enter);
    await app.waitFor('✔ sent');
    expect(app.backend.produced[0]).toMatchObject({ partition: 1, value: Buffer.from('vl') });
  });

  it('Ctrl-U clears, Ctrl-Y yanks it back; Ctrl-W and Ctrl-K kill words and the tail', async () => {
    const app = await start();
    await app.press('p');
    await app.type('k:one two');
    await app.press(EDIT.ctrlU);
    expect(app.models.producer.snapshot.text).toBe('');
    await app.press(EDIT.ctrlY);
    await app.waitFor('events> k:one two');
    await app.press(EDIT.ctrlW);
    expect(app.models.producer.snapshot.text).toBe('k:one ');
    await app.press(EDIT.altB, EDIT.ctrlK);
    expect(app.models.producer.snapshot.text).toBe('k:');
    await app.press(EDIT.ctrlLeft);
    expect(app.models.producer.snapshot.cursor).toBe(0);
  });

  it('Esc keeps the draft; p comes back to it', async () => {
    const app = await start();
    await app.press('p');
    await app.type('k:draft');
    await app.press(KEYS.esc);
    await app.waitFor('▶ Topics');
    await app.press('p');
    await app.type('!');
    await app.waitFor('events> k:draft!');
  });
});

describe('editing a prompt', () => {
  it('the filter edits mid-line and applies as it changes', async () => {
    const app = await start();
    await app.press('/');
    await app.type('ordrs');
    await app.press(EDIT.left, EDIT.left);
    await app.type('e');
    await app.waitFor('filter: orders');
    expect(app.models.topics.snapshot.filter).toBe('orders');
    await app.press(EDIT.ctrlU);
    expect(app.models.topics.snapshot.filter).toBe('');
  });
});
