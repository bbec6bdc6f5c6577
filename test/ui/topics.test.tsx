import { afterEach, describe, expect, it } from 'vitest';
import { topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

describe('Topics pane', () => {
  it('lists topics with partitions, replication, messages and health markers', async () => {
    app = await renderApp((b) => {
      b.topics = [
        topic('orders', { partitions: 6, replicationFactor: 3, messages: 1234 }),
        topic('payments', { underReplicated: true }),
        topic('broken', { offline: true }),
        topic('__consumer_offsets', { isInternal: true }),
      ];
    });
    const frame = await app.waitFor('orders');
    expect(frame).toMatch(/orders\s+6\s+3\s+1234/);
    expect(frame).toMatch(/▲ payments/);
    expect(frame).toMatch(/✖ broken/);
    expect(frame).not.toContain('__consumer_offsets');
  });

  it('filters live with / and clears with Esc', async () => {
    app = await renderApp((b) => {
      b.topics = ['alpha', 'beta', 'gamma', 'alphabet'].map((n) => topic(n));
    });
    await app.waitFor('gamma');
    await app.press('/');
    await app.type('alp');
    const frame = await app.waitFor('2/4');
    expect(frame).toContain('alphabet');
    expect(frame).not.toContain('gamma');
    await app.press(KEYS.enter);
    expect(app.frame()).toContain('/alp');
    await app.press(KEYS.esc);
    await app.waitFor('4/4');
  });
});

describe('Topics pane counts it could not get', () => {
  it('says in the status bar why a count is ?', async () => {
    app = await renderApp((b) => {
      b.topics = [
        topic('orders', { messages: 12 }),
        topic('big', { messages: null, messagesUnknown: 'NOT_LEADER_FOR_PARTITION on 1 partition (big/9)' }),
      ];
    });
    const frame = await app.waitFor('NOT_LEADER');
    expect(frame).toMatch(/big\s+3\s+1\s+\?/);
    expect(frame.split('\n')[0]).toContain('MSGS ? NOT_LEADER_FOR_PARTITION');
  });
});
