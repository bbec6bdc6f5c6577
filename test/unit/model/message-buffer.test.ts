import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageBuffer } from '../../../source/model/message-buffer.js';

afterEach(() => vi.useRealTimers());

describe('MessageBuffer', () => {
  it('keeps the last N records and counts all of them', () => {
    const buffer = new MessageBuffer<number>(3);
    buffer.pushAll([0, 1, 2, 3, 4]);
    expect(buffer.total).toBe(5);
    expect(buffer.size).toBe(3);
    expect(buffer.firstSeq).toBe(2);
    expect([2, 3, 4].map((seq) => buffer.at(seq))).toEqual([2, 3, 4]);
    expect(buffer.at(1)).toBeUndefined();
    expect(buffer.at(5)).toBeUndefined();
    buffer.push(5);
    expect(buffer.at(5)).toBe(5);
    expect(buffer.at(2)).toBeUndefined();
    buffer.dispose();
  });

  it('wraps correctly over many cycles', () => {
    const buffer = new MessageBuffer<number>(7);
    for (let i = 0; i < 1000; i++) buffer.push(i);
    for (let seq = 993; seq < 1000; seq++) expect(buffer.at(seq)).toBe(seq);
    buffer.dispose();
  });

  it('notifies at most maxHz times a second however many records arrive', () => {
    vi.useFakeTimers();
    const buffer = new MessageBuffer<number>(10, 20);
    const listener = vi.fn();
    buffer.subscribe(listener);
    for (let ms = 0; ms < 1000; ms++) {
      for (let i = 0; i < 50; i++) buffer.push(i);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(100);
    expect(listener.mock.calls.length).toBeLessThanOrEqual(21);
    expect(listener.mock.calls.length).toBeGreaterThanOrEqual(15);
    expect(buffer.version).toBe(listener.mock.calls.length);
    buffer.dispose();
  });

  it('clear empties it and rejects a zero capacity', () => {
    const buffer = new MessageBuffer<number>(2);
    buffer.pushAll([1, 2]);
    buffer.clear();
    expect(buffer.size).toBe(0);
    expect(buffer.total).toBe(0);
    buffer.dispose();
    expect(() => new MessageBuffer(0)).toThrow(RangeError);
  });
});

describe('ConnectionStore', () => {
  it('shows retrying when a check hangs, and ready again when it answers', async () => {
    vi.useFakeTimers();
    const { ConnectionStore } = await import('../../../source/model/connection-store.js');
    const cluster = { clusterId: 'c', controller: 1, brokers: [{ nodeId: 1, host: 'h', port: 1 }] };
    let listener: (s: never) => void = () => {};
    let answer: () => void = () => {};
    const store = new ConnectionStore(
      {
        status: () => ({ state: 'ready', cluster }),
        subscribeStatus: (l) => ((listener = l as never), () => {}),
        check: () => new Promise<void>((resolve) => (answer = resolve)),
      },
      0,
      1000,
    );
    vi.advanceTimersByTime(1500);
    expect(store.snapshot.status).toEqual({ state: 'retrying', error: 'no answer from the cluster for 1s' });
    expect(store.snapshot.cluster).toBe(cluster);
    listener({ state: 'ready', cluster } as never);
    answer();
    expect(store.snapshot.status.state).toBe('ready');
    store.dispose();
  });
});
