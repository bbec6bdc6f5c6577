// What the cluster refuses and what a reader sees, through the fake that keeps topics as a real
// cluster does (per-partition logs, start positions, pause; the real backend's refusals, in its
// words). Each refusal shows in the status line and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, tick, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const start = async () => {
  app = await renderApp((b) => {
    b.topics = [topic('events'), topic('other')];
  });
  await app.waitFor('events');
  return app;
};

const createTopic = async (a: Harness, text: string) => {
  await a.press('n');
  await a.type(text);
  await a.press(KEYS.enter);
};

describe('what the cluster refuses', () => {
  it('a topic name the broker would refuse, more replicas than brokers, and a taken name', async () => {
    const a = await start();
    await createTopic(a, 'bad/name 1 1');
    await a.waitFor("invalid topic name 'bad/name'");
    await createTopic(a, 'fresh 1 3');
    await a.waitFor('replication factor 3 is larger than the number of brokers (1)');
    await createTopic(a, 'other 1 1');
    await a.waitFor("topic 'other' already exists");
    expect(a.backend.created).toEqual([]);
  });

  it('fewer partitions than the topic has', async () => {
    const a = await start();
    await a.press('a');
    await a.type('2');
    await a.press(KEYS.enter);
    await a.waitFor("topic 'events' has 3 partition(s); the count can only be increased");
    expect(a.backend.topics.find((t) => t.name === 'events')?.partitions).toBe(3);
  });

  it('deleting a topic someone else deleted meanwhile', async () => {
    const a = await start();
    a.backend.topics = a.backend.topics.filter((t) => t.name !== 'events');
    await a.press(KEYS.ctrlD);
    await a.type('events');
    await a.press(KEYS.enter);
    await a.waitFor('unknown topic: events');
    expect(a.backend.deleted).toEqual([]);
  });

  it('producing to a partition the topic does not have keeps the line', async () => {
    const a = await start();
    await a.press('p');
    await a.type('-p 7 k:v');
    await a.press(KEYS.enter);
    const frame = await a.waitFor('topic events has no partition 7 (it has 3: 0-2)');
    expect(frame).toContain('events> -p 7 k:v');
    expect(a.backend.produced).toEqual([]);
  });
});

describe('what a reader sees', () => {
  it('from the beginning: what was there before it started, then what comes; nothing of another topic', async () => {
    const a = await start();
    await a.backend.produce({ topic: 'events', key: null, value: Buffer.from('before-start'), headers: [], partition: 1 });
    await a.backend.produce({ topic: 'other', key: null, value: Buffer.from('elsewhere'), headers: [] });
    await a.press('c');
    await a.waitFor('before-start');
    await a.backend.produce({ topic: 'events', key: null, value: Buffer.from('while-tailing'), headers: [], partition: 2 });
    const frame = await a.waitFor('while-tailing');
    expect(frame).toMatch(/1\s+0 \S+ ∅\s+before-start/);
    expect(frame).toMatch(/2\s+0 \S+ ∅\s+while-tailing/);
    expect(frame).not.toContain('elsewhere');
  });

  it('from the end: only what comes after; from partition 1 only: nothing of partition 0', async () => {
    const a = await start();
    await a.backend.produce({ topic: 'events', key: null, value: Buffer.from('old-one'), headers: [], partition: 1 });
    await a.press('C');
    await a.type('end');
    await a.press(KEYS.enter);
    await a.waitFor('Consumer events');
    await a.backend.produce({ topic: 'events', key: null, value: Buffer.from('new-one'), headers: [], partition: 1 });
    let frame = await a.waitFor('new-one');
    expect(frame).not.toContain('old-one');

    await a.press(KEYS.esc, 'C');
    await a.type('p=1');
    await a.press(KEYS.enter);
    await a.waitFor('old-one');
    await a.backend.produce({ topic: 'events', key: null, value: Buffer.from('on-zero'), headers: [], partition: 0 });
    await a.backend.produce({ topic: 'events', key: null, value: Buffer.from('on-one'), headers: [], partition: 1 });
    frame = await a.waitFor('on-one');
    expect(frame).not.toContain('on-zero');
  });

  it('paused: what is produced waits, and shows on resume', async () => {
    const a = await start();
    await a.press('c');
    await a.waitFor('Consumer events');
    await a.press(' ');
    await a.waitFor('paused');
    await a.backend.produce({ topic: 'events', key: null, value: Buffer.from('held-back'), headers: [], partition: 0 });
    await tick(100);
    expect(a.frame()).not.toContain('held-back');
    await a.press(' ');
    await a.waitFor('held-back');
  });
});
