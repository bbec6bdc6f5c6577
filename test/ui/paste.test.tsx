// Pastes and stray keys: what reaches the producer is exactly what was typed or pasted, line by line.
import { afterEach, describe, expect, it } from 'vitest';
import { topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, tick, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const start = async () => {
  app = await renderApp((b) => {
    // One partition: these tests are about text, so every line lands in order on partition 0.
    b.topics = [topic('events', { partitions: 1 })];
  });
  await app.waitFor('events');
  return app;
};

const bracketed = (text: string) => `\u001b[200~${text}\u001b[201~`;
const values = (a: Harness) => a.backend.produced.map((r) => `${r.key?.toString() ?? ''}:${r.value.toString()}`);

describe('multi-line paste into the producer', () => {
  it('a bracketed paste of 3 lines asks first, then sends 3 messages in order; the next paste is not joined to it', async () => {
    const app = await start();
    await app.press('p');
    await app.press(bracketed('k1:line-one\rk2:line-two\rk3:line-three'));
    await app.waitFor('send 3 lines to events? Enter / Esc');
    expect(app.backend.produced).toHaveLength(0);
    await app.press(KEYS.enter);
    await app.waitFor('✔ sent 3 lines to events');
    expect(values(app)).toEqual(['k1:line-one', 'k2:line-two', 'k3:line-three']);
    expect(app.frame()).not.toContain('line-onek2');

    await app.press(bracketed('k4:four\nk5:five\nk6:six\n'));
    await app.waitFor('send 3 lines to events?');
    await app.press(KEYS.enter);
    await app.waitFor('✔ sent 3 lines');
    expect(values(app)).toEqual(['k1:line-one', 'k2:line-two', 'k3:line-three', 'k4:four', 'k5:five', 'k6:six']);
    expect(app.history.get('events')).toContain('k6:six');
  });

  it('a plain paste arriving as one chunk with CR separators becomes exactly those lines, nothing left in the input', async () => {
    const app = await start();
    await app.press('p');
    await app.press('k1:a\rk2:b\rk3:c');
    await app.waitFor('send 3 lines to events?');
    await app.press(KEYS.enter);
    await app.waitFor('✔ sent 3 lines to events');
    expect(values(app)).toEqual(['k1:a', 'k2:b', 'k3:c']);
    expect(app.models.producer.snapshot.text).toBe('');
  });

  it('Esc drops the pasted lines and sends nothing; typing resumes', async () => {
    const app = await start();
    await app.press('p');
    await app.press(bracketed('a\rb'));
    await app.waitFor('send 2 lines');
    await app.press('x', KEYS.esc);
    await tick(50);
    expect(app.frame()).not.toContain('send 2 lines');
    expect(app.backend.produced).toHaveLength(0);
    await app.type('k:typed');
    await app.press(KEYS.enter);
    await app.waitFor('✔ sent to events partition 0 offset 0');
    expect(values(app)).toEqual(['k:typed']);
  });

  it('reports sent and failed lines like a file produce', async () => {
    const app = await start();
    await app.press('p');
    await app.press(bracketed('k:ok\n-p x k:bad\nk:ok2'));
    await app.press(KEYS.enter);
    const frame = await app.waitFor('sent 2, failed 1 to events');
    expect(frame).toContain('line 2: -p needs a partition number');
    expect(values(app)).toEqual(['k:ok', 'k:ok2']);
  });

  it('a one-line bracketed paste is text to edit, not a send', async () => {
    const app = await start();
    await app.press('p');
    await app.type('k:');
    await app.press(bracketed('pasted'));
    await app.waitFor('events> k:pasted');
    expect(app.backend.produced).toHaveLength(0);
  });

  it('a line typed while the previous one is still being sent is a new line, not glued to it', async () => {
    const app = await start();
    await app.press('p');
    await app.press('k1:first\rk2:second\r');
    // one chunk, two lines: asked as a paste
    await app.waitFor('send 2 lines');
    await app.press(KEYS.enter);
    await app.waitFor('✔ sent 2 lines');
    await app.press('k3:third\r', 'k4:fourth\r');
    await app.waitFor('✔ sent to events partition 0 offset 3');
    expect(values(app)).toEqual(['k1:first', 'k2:second', 'k3:third', 'k4:fourth']);
  });
});

describe('keys read together', () => {
  it('a fast-typed run that spells a key name is text, not that key', async () => {
    const app = await start();
    app.history.add('events', 'old line');
    await app.press('p');
    await app.press('up');
    await app.waitFor('events> up');
    expect(app.models.producer.snapshot.text).toBe('up');
  });
});

describe('typing into the producer is a mode', () => {
  it('Tab onto the producer pane does not start typing: letters and Enter send nothing', async () => {
    const app = await start();
    await app.press('c');
    await app.press(KEYS.tab);
    await app.waitFor('press Enter to type');
    await app.type('newtopic 4 1');
    await app.press(KEYS.enter);
    await tick(50);
    expect(app.backend.produced).toHaveLength(0);
    expect(app.backend.created).toHaveLength(0);
    // Enter started typing; now letters are text.
    await app.type('k:v');
    await app.waitFor('events> k:v');
    expect(app.backend.produced).toHaveLength(0);
  });

  it('Esc leaves typing and keeps the draft; a paste outside the mode is ignored and says so', async () => {
    const app = await start();
    await app.press('p');
    await app.type('draft');
    await app.press(KEYS.esc);
    await app.waitFor('▶ Topics');
    await app.press(bracketed('a\rb\rc'));
    await app.waitFor('paste ignored');
    expect(app.backend.produced).toHaveLength(0);
    expect(app.models.producer.snapshot.text).toBe('draft');
  });
});

describe('paste into a prompt', () => {
  it('a filter keeps the first line and says so', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events'), topic('orders')];
    });
    await app.waitFor('orders');
    await app.press('/');
    await app.press(bracketed('ord\nevents\n'));
    const frame = await app.waitFor('pasted 2 lines: kept the first');
    expect(frame).toContain('filter: ord');
    expect(app.models.topics.snapshot.filter).toBe('ord');
  });
});
