import { afterEach, describe, expect, it } from 'vitest';
import { applyKeyRemaps } from '../../source/ui/key-remaps.js';
import { topic } from '../helpers/fake-backend.js';
import { renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

describe('remapped keys', () => {
  it('x consumes when the config maps consume.start to x in topics; the hint bar and help show x', async () => {
    const { keymap } = applyKeyRemaps({ topics: { 'consume.start': ['x'] } });
    app = await renderApp(
      (b) => {
        b.topics = [topic('events')];
      },
      { keymap, rows: 60 },
    );
    await app.waitFor('x consume');
    const hints = app.frame().split('\n').at(-1)!;
    expect(hints).toContain('x consume');
    expect(hints).not.toContain('c consume');
    await app.press('c');
    expect(app.backend.consumeRequests).toEqual([]);
    await app.press('x');
    await app.waitFor('▶ Consumer events');
    expect(app.backend.consumeRequests).toEqual([{ topic: 'events', from: { kind: 'earliest' }, partitions: [] }]);
    await app.press('?');
    await app.waitFor(/x\s+consume the topic from the beginning/);
  });

  it('a refused remap is said at start, and the default keys work', async () => {
    const { keymap, error } = applyKeyRemaps({ topics: { 'consume.start': ['d'] } });
    app = await renderApp(
      (b) => {
        b.topics = [topic('events')];
      },
      { keymap, notice: error, columns: 140 },
    );
    await app.waitFor("✖ config keys.topics.consume.start: 'd' is already topic.describe in topics; using the default keys");
    await app.press('c');
    await app.waitFor('▶ Consumer events');
  });
});
