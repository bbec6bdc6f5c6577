import { afterEach, describe, expect, it } from 'vitest';
import { topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const start = async (readOnly = false) => {
  app = await renderApp(
    (b) => {
      b.topics = [topic('events')];
    },
    { readOnly },
  );
  await app.waitFor('events');
  return app;
};

describe('Producer pane', () => {
  it('p, key:value, Enter sends and shows partition and offset; a tailing consumer shows it', async () => {
    const app = await start();
    await app.press('c');
    await app.press('p');
    await app.type('k1:hello');
    await app.press(KEYS.enter);
    // k1's murmur2 partition of 3, as the real producer picks it
    const frame = await app.waitFor('✔ sent to events partition 2 offset 0');
    expect(app.backend.produced[0]).toMatchObject({ topic: 'events', key: Buffer.from('k1'), value: Buffer.from('hello') });
    expect(frame).toMatch(/2\s+0 \S+ k1\s+hello/);
    expect(app.history.get('events')).toEqual(['k1:hello']);
  });

  it('parses -p and -H before the key', async () => {
    const app = await start();
    await app.press('p');
    await app.type('-p 2 -H trace=abc k:v:w');
    await app.press(KEYS.enter);
    await app.waitFor('partition 2');
    expect(app.backend.produced[0]).toMatchObject({
      partition: 2,
      headers: [['trace', 'abc']],
      key: Buffer.from('k'),
      value: Buffer.from('v:w'),
    });
  });

  it('keeps the text and shows the error when a send fails', async () => {
    const app = await start();
    app.backend.produceError = new Error('the message is larger than the topic allows');
    await app.press('p');
    await app.type('k:big');
    await app.press(KEYS.enter);
    const frame = await app.waitFor('send failed');
    expect(frame).toContain('larger than the topic allows');
    expect(frame).toContain('events> k:big');
    app.backend.produceError = undefined;
    await app.press(KEYS.enter);
    await app.waitFor('✔ sent');
    expect(app.frame()).not.toContain('k:big');
  });

  it('↑/↓ walk the per-topic history', async () => {
    const app = await start();
    app.history.add('events', 'first');
    app.history.add('events', 'second');
    await app.press('p', KEYS.up);
    await app.waitFor('events> second');
    await app.press(KEYS.up);
    await app.waitFor('events> first');
    await app.press(KEYS.down);
    await app.waitFor('events> second');
    await app.press(KEYS.down);
    expect(app.frame()).not.toMatch(/events> (first|second)/);
  });

  it('typing q in the input types it; Esc leaves the input', async () => {
    const app = await start();
    await app.press('p');
    await app.type('quiet');
    await app.waitFor('events> quiet');
    await app.press(KEYS.esc);
    await app.waitFor('▶ Topics');
  });

  it('read-only disables producing and topic admin, and says so', async () => {
    const app = await start(true);
    await app.waitFor('[read-only]');
    await app.press('p');
    await app.waitFor('read-only: producing is disabled');
    await app.press('n');
    await app.waitFor('read-only: creating topics is disabled');
    await app.press(KEYS.ctrlD);
    await app.waitFor('read-only: deleting topics is disabled');
    await app.press('a');
    await app.waitFor('read-only: altering partitions is disabled');
    expect(app.backend.produced).toEqual([]);
  });

  it('n creates a topic, Ctrl-D deletes only after typing the name', async () => {
    const app = await start();
    await app.press('n');
    await app.type('fresh 3 1');
    await app.press(KEYS.enter);
    await app.waitFor('created fresh');
    expect(app.backend.created).toEqual(['fresh']);
    await app.press(KEYS.ctrlD);
    await app.type('wrong');
    await app.press(KEYS.enter);
    await app.waitFor('not deleted');
    await app.press(KEYS.ctrlD);
    await app.type('events');
    await app.press(KEYS.enter);
    await app.waitFor('deleted events');
    expect(app.backend.deleted).toEqual(['events']);
  });
});
