import { afterEach, describe, expect, it } from 'vitest';
import { record, topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, tick, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const withTopic = async (options: { bufferSize?: number } = {}) => {
  app = await renderApp((b) => {
    b.topics = [topic('events')];
  }, options);
  await app.waitFor('events');
  await app.press('c');
  await app.waitFor('Consumer events');
  return app;
};

const many = (from: number, count: number) => Array.from({ length: count }, (_, i) => record(from + i, `value-${from + i}`));

describe('Consumer pane', () => {
  it('c consumes from the beginning and shows rows with partition, offset, time, key and value', async () => {
    const app = await withTopic();
    expect(app.backend.consumeRequests).toEqual([{ topic: 'events', from: { kind: 'earliest' }, partitions: [] }]);
    app.backend.deliver([record(0, 'hello', { partition: 2 })]);
    const frame = await app.waitFor('hello');
    expect(frame).toMatch(/2\s+0 12:00:00\.000 k0\s+hello/);
    expect(frame).toContain('1 received');
  });

  it('C parses start options: offset and partitions', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events')];
    });
    await app.waitFor('events');
    await app.press('C');
    await app.type('offset 42 p=0,2');
    await app.press(KEYS.enter);
    expect(app.backend.consumeRequests.at(-1)).toEqual({
      topic: 'events',
      from: { kind: 'offset', offset: 42 },
      partitions: [0, 2],
    });
  });

  it('shows control characters escaped, never raw', async () => {
    const app = await withTopic();
    app.backend.deliver([record(0, 'evil\u001b]0;pwned\u0007\u001b[2Jdone')]);
    const frame = await app.waitFor('done');
    expect(frame).toContain('evil\\x1b]0;pwned\\x07\\x1b[2Jdone');
    expect(frame).not.toContain('\u001b]0;');
  });

  it('shows a binary value as its size and a hex preview, not replacement characters', async () => {
    const app = await withTopic();
    const binary = Buffer.concat([Buffer.from('36c99cf02f7a0d24ff62e32230556501', 'hex'), Buffer.alloc(184, 0xfe)]);
    app.backend.deliver([record(0, '', { value: binary }), record(1, 'after')]);
    const frame = await app.waitFor('after');
    expect(frame).toContain('‹binary 200 B› 36 c9 9c f0');
    expect(frame).not.toContain('\uFFFD');
  });

  it('keeps the view anchored while scrolled up, and G follows again', async () => {
    const app = await withTopic();
    app.backend.deliver(many(0, 50));
    await app.waitFor('value-49');
    await app.press('k', 'k', 'k');
    let frame = await app.waitFor('scrolled');
    expect(frame).toContain('value-46');
    app.backend.deliver(many(50, 20));
    frame = await app.waitFor('70 received');
    expect(frame).toContain('value-46');
    expect(frame).not.toContain('value-69');
    await app.press('G');
    frame = await app.waitFor('value-69');
    expect(frame).toContain('following');
  });

  it('stays anchored while the ring evicts older records', async () => {
    const app = await withTopic({ bufferSize: 30 });
    app.backend.deliver(many(0, 30));
    await app.waitFor('value-29');
    await app.press('k', 'k');
    app.backend.deliver(many(30, 10));
    const frame = await app.waitFor('40 received');
    expect(frame).toContain('30/30 kept');
    expect(frame).toContain('value-27');
    expect(frame).not.toContain('value-39');
  });

  it('Space pauses and resumes the reader', async () => {
    const app = await withTopic();
    await app.press(' ');
    expect(app.backend.paused).toBe(true);
    await app.waitFor('paused');
    await app.press(' ');
    expect(app.backend.paused).toBe(false);
    await app.waitFor('following');
  });

  it('Enter opens the detail view with full key, pretty JSON, headers and timestamp', async () => {
    const app = await withTopic();
    app.backend.deliver([record(0, '{"id":7,"name":"x"}', { headers: [['trace', Buffer.from('abc')]] }), record(1, 'plain')]);
    await app.waitFor('plain');
    await app.press('k', KEYS.enter);
    const frame = await app.waitFor('Value (json');
    expect(frame).toContain('"id": 7');
    expect(frame).toContain('trace: abc');
    expect(frame).toContain('2026-11-23T12:00:00.000Z');
    await app.press(KEYS.esc);
    await app.waitFor('Consumer events');
  });

  it('shows binary values as hex in the detail view', async () => {
    const app = await withTopic();
    app.backend.deliver([record(0, '', { value: Buffer.from([0, 1, 2, 0xff, 0xfe]) })]);
    await app.waitFor('1 received');
    await app.press('k', KEYS.enter);
    const frame = await app.waitFor('Value (hex');
    expect(frame).toContain('00 01 02 ff fe');
  });

  it('/ searches what is buffered', async () => {
    const app = await withTopic();
    app.backend.deliver([record(0, 'apple'), record(1, 'banana'), record(2, 'apricot')]);
    await app.waitFor('apricot');
    await app.press('/');
    await app.type('ap');
    const frame = await app.waitFor('/ap');
    expect(frame).toContain('apple');
    expect(frame).toContain('apricot');
    expect(frame).not.toContain('banana');
    await app.press(KEYS.enter, KEYS.esc);
    await app.waitFor('banana');
  });

  it('keeps memory bounded: the ring holds at most its capacity', async () => {
    const app = await withTopic({ bufferSize: 100 });
    for (let i = 0; i < 50; i++) app.backend.deliver(many(i * 100, 100));
    await tick(50);
    expect(app.models.consumer.buffer.size).toBe(100);
    expect(app.models.consumer.buffer.total).toBe(5000);
    await app.waitFor('5,000 received');
  });
});
