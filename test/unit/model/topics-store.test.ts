// The topic list refreshes by itself, in the background, keeping the filter and the selection.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TopicSummary } from '../../../source/model/backend.js';
import { TopicsStore } from '../../../source/model/topics-store.js';
import { topic } from '../../helpers/fake-backend.js';

afterEach(() => vi.useRealTimers());

describe('TopicsStore auto refresh', () => {
  it('asks again every interval with new counts, the filter and the selection kept, and stops on dispose', async () => {
    vi.useFakeTimers();
    let lists = 0;
    const backend = {
      listTopics: async (): Promise<TopicSummary[]> => {
        lists++;
        return [topic('alpha', { messages: lists }), topic('beta'), topic('alphabet', { messages: 10 * lists })];
      },
    };
    const store = new TopicsStore(backend, 1_000);
    await store.refresh();
    store.setFilter('alp');
    store.select(1);
    expect(store.selectedTopic?.name).toBe('alphabet');

    await vi.advanceTimersByTimeAsync(1_000);
    expect(lists).toBe(2);
    expect(store.snapshot.visible.map((t) => [t.name, t.messages])).toEqual([
      ['alpha', 2],
      ['alphabet', 20],
    ]);
    expect(store.selectedTopic?.name).toBe('alphabet');
    expect(store.snapshot.filter).toBe('alp');

    store.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(lists).toBe(2);
  });

  it('does not start another refresh while one is under way', async () => {
    vi.useFakeTimers();
    let calls = 0;
    let release: () => void = () => {};
    const backend = {
      listTopics: (): Promise<TopicSummary[]> => {
        calls++;
        return calls === 1 ? Promise.resolve([topic('a')]) : new Promise((resolve) => (release = () => resolve([topic('a')])));
      },
    };
    const store = new TopicsStore(backend, 1_000);
    await store.refresh();
    await vi.advanceTimersByTimeAsync(3_500);
    expect(calls).toBe(2);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(3);
    store.dispose();
  });
});
