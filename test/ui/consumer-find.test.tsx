// The consumer pane's `/` in the consume filter language, and the F find: a bounded scan that keeps only
// matches, with a progress line, while keys keep working; Esc stops it.
import { afterEach, describe, expect, it } from 'vitest';
import { record, topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const order = (offset: number, n: number, status: string, headers: Array<[string, string]> = []) =>
  record(offset, JSON.stringify({ n, status }), {
    key: Buffer.from(`cust-${n % 3}`),
    headers: headers.map(([k, v]) => [k, Buffer.from(v)]),
  });

const withTopic = async () => {
  app = await renderApp((b) => {
    b.topics = [topic('orders')];
  });
  await app.waitFor('orders');
  return app;
};

describe('the consumer pane filter (/)', () => {
  it('takes key:, header:, $-expressions and text, over the buffer and over records that arrive later', async () => {
    const app = await withTopic();
    await app.press('c');
    await app.waitFor('Consumer orders');
    app.backend.deliver([order(0, 1, 'paid', [['region', 'eu-west']]), order(1, 2, 'open'), order(2, 4, 'paid', [['region', 'us-east']])]);
    await app.waitFor('"n":4');
    await app.press('/');
    await app.type('$.status == "paid"');
    let frame = await app.waitFor('/$.status == "paid"');
    expect(frame).toContain('"n":1');
    expect(frame).toContain('"n":4');
    expect(frame).not.toContain('"n":2');
    // A record arriving after the filter is applied to it too.
    app.backend.deliver([order(3, 7, 'paid'), order(4, 8, 'open')]);
    frame = await app.waitFor('"n":7');
    expect(frame).not.toContain('"n":8');
    await app.press(KEYS.enter, KEYS.esc);
    await app.waitFor('"n":8');

    await app.press('/');
    await app.type('key:^cust-1$ header:region=^eu');
    frame = await app.waitFor('/key:^cust-1$ header:region=^eu');
    expect(frame).toContain('"n":1');
    expect(frame).not.toContain('"n":4'); // cust-1, but us-east
    expect(frame).not.toContain('"n":7'); // cust-1, no header
  });

  it('says why a half-typed pattern does not compile and keeps the last good filter', async () => {
    const app = await withTopic();
    await app.press('c');
    app.backend.deliver([record(0, 'apple'), record(1, 'banana')]);
    await app.waitFor('banana');
    await app.press('/');
    await app.type('ap');
    await app.waitFor('/ap');
    await app.type('(');
    const frame = await app.waitFor('✖ invalid');
    expect(frame).toContain('apple');
    expect(frame).not.toContain('banana');
  });
});

describe('F: find', () => {
  it('scans from where asked up to N records, keeps only matches, shows progress; Esc stops it', async () => {
    const app = await withTopic();
    await app.press('F');
    await app.waitFor('find in orders:');
    await app.type('from offset 2 limit 500 status...paid');
    await app.press(KEYS.enter);
    await app.waitFor(/find 'status...paid' · scanned 0/);
    expect(app.backend.consumeRequests.at(-1)).toEqual({
      topic: 'orders',
      from: { kind: 'offset', offset: 2 },
      partitions: [],
      clampStart: true,
      stopAtEnd: true,
      maxRecords: 500,
    });
    app.backend.deliver([order(2, 2, 'open'), order(3, 3, 'paid'), order(4, 4, 'open'), order(5, 5, 'paid')]);
    let frame = await app.waitFor(/scanned 4 · matched 2/);
    expect(frame).toContain('"n":3');
    expect(frame).toContain('"n":5');
    expect(frame).not.toContain('"n":4');
    expect(frame).toContain('Esc stops');
    // Keys still work while it runs: move up and open a match.
    await app.press('k', KEYS.enter);
    frame = await app.waitFor('Value (json');
    expect(frame).toContain('"n": 3');
    await app.press(KEYS.esc); // closes the detail first
    await app.waitFor('Esc stops');
    await app.press(KEYS.esc);
    frame = await app.waitFor('· stopped');
    expect(frame).toContain('scanned 4 · matched 2');
    expect(app.backend.consuming).toBe(false);
    expect(frame).toContain('"n":5');
  });

  it('ends by itself at the end of the partitions, and reads from the beginning by default', async () => {
    const app = await withTopic();
    await app.press('F');
    await app.type('key:^cust-0$');
    await app.press(KEYS.enter);
    await app.waitFor('find');
    expect(app.backend.consumeRequests.at(-1)).toMatchObject({ from: { kind: 'earliest' }, stopAtEnd: true, maxRecords: 1_000_000 });
    app.backend.deliver([order(0, 3, 'x'), order(1, 4, 'x'), order(2, 6, 'x')]);
    app.backend.finish();
    const frame = await app.waitFor('done: reached the end');
    expect(frame).toContain('scanned 3 · matched 2');
  });

  it('refuses a filter that does not compile, before reading anything', async () => {
    const app = await withTopic();
    await app.press('F');
    await app.type('limit 10 $.a ==');
    await app.press(KEYS.enter);
    await app.waitFor("invalid --where '$.a ==");
    expect(app.backend.consumeRequests).toEqual([]);
  });
});
