import { describe, expect, it } from 'vitest';
import { activeHolders, GroupsStore, GroupStore, LagHistory } from '../../../source/model/groups-store.js';
import { FakeBackend, group, member } from '../../helpers/fake-backend.js';

function backend(): FakeBackend {
  const b = new FakeBackend();
  b.logs.set('orders', [
    { start: 0, end: 10 },
    { start: 0, end: 10 },
  ]);
  b.groups.set('b-live', group('Stable', { orders: [4, 10] }, [member('m-1', [{ topic: 'orders', partition: 0 }])]));
  b.groups.set('a-idle', group('Empty', { orders: [0, 0] }));
  return b;
}

describe('GroupsStore', () => {
  it('lists groups sorted, with members and total lag, and samples the lag at each refresh', async () => {
    const b = backend();
    let now = 0;
    const store = new GroupsStore(b, new LagHistory(), 0, () => now);
    await store.refresh();
    expect(store.snapshot.visible.map((g) => [g.groupId, g.state, g.members, g.lag])).toEqual([
      ['a-idle', 'Empty', 0, 20],
      ['b-live', 'Stable', 1, 6],
    ]);
    now = 5_000;
    b.groups.get('b-live')!.offsets.get('orders')!.set(0, 8);
    await store.refresh();
    expect(store.history.of('b-live').map((s) => [s.at, s.lag])).toEqual([
      [0, 6],
      [5_000, 2],
    ]);
  });

  it('runs one refresh at a time: a second ask during one gets the same one', async () => {
    const b = backend();
    const store = new GroupsStore(b, new LagHistory(), 0);
    const first = store.refresh();
    expect(store.refresh()).toBe(first);
    await first;
    expect(b.lagRequests).toHaveLength(1);
  });

  it('asks for time lag only while the list is small', async () => {
    const b = backend();
    for (let i = 0; i < 101; i++) b.groups.set(`g${i}`, group('Empty'));
    const store = new GroupsStore(b, new LagHistory(), 0);
    await store.refresh();
    expect(b.lagRequests.at(-1)?.timeLag).toBe(false);
  });

  it('filters by name and keeps the selected group selected when the list changes', async () => {
    const b = backend();
    const store = new GroupsStore(b, new LagHistory(), 0);
    await store.refresh();
    store.select(1);
    b.groups.set('0-new', group('Empty'));
    await store.refresh();
    expect(store.selectedGroup?.groupId).toBe('b-live');
    store.setFilter('IDLE');
    expect(store.snapshot.visible.map((g) => g.groupId)).toEqual(['a-idle']);
  });

  it('keeps the last list and says why when a refresh fails', async () => {
    const b = backend();
    const store = new GroupsStore(b, new LagHistory(), 0);
    await store.refresh();
    b.listGroupsError = new Error('timeout');
    await store.refresh();
    expect(store.snapshot.error).toBe('timeout');
    expect(store.snapshot.all).toHaveLength(2);
  });
});

describe('GroupStore', () => {
  it('plans a reset, then applies it and forgets the lag samples of the old offsets', async () => {
    const b = backend();
    const history = new LagHistory();
    const store = new GroupStore(b, history, 0);
    await store.open('a-idle');
    expect(history.of('a-idle')).toHaveLength(1);
    await store.plan('latest', { kind: 'latest' }, { allTopics: true });
    expect(store.snapshot.reset?.plan?.rows.map((r) => [r.partition, r.oldOffset, r.newOffset, r.lagBefore, r.lagAfter])).toEqual([
      [0, 0, 10, 10, 0],
      [1, 0, 10, 10, 0],
    ]);
    expect(b.executedResets).toEqual([]);
    expect(await store.apply()).toBe(true);
    expect(store.snapshot.reset?.applied).toBe(true);
    expect(await store.apply()).toBe(false); // once
    expect(b.executedResets).toHaveLength(1);
  });

  it('reports the refusal of a reset when the group came back to life after the preview', async () => {
    const b = backend();
    const store = new GroupStore(b, new LagHistory(), 0);
    await store.open('a-idle');
    await store.plan('earliest', { kind: 'earliest' }, { allTopics: true });
    b.groups.get('a-idle')!.state = 'Stable';
    expect(await store.apply()).toBe(false);
    expect(store.snapshot.reset?.error).toBe("cannot reset offsets of group 'a-idle': it is Stable; stop its consumers first");
    expect(b.executedResets).toEqual([]);
  });

  it('plans nothing over all topics for a group that has no offsets, and reports a bad scope', async () => {
    const b = backend();
    const store = new GroupStore(b, new LagHistory(), 0);
    await store.open('nosuch');
    await store.plan('earliest', { kind: 'earliest' }, { allTopics: true });
    expect(store.snapshot.reset?.plan?.rows).toEqual([]);
    await store.plan('earliest', { kind: 'earliest' }, { topics: [{ topic: 'orders', partitions: [9] }] });
    expect(store.snapshot.reset?.error).toBe('topic orders has no partition 9');
    expect(store.snapshot.reset?.plan).toBeUndefined();
  });
});

describe('activeHolders', () => {
  it('names the members of an active group, and nothing for an Empty or Dead one', async () => {
    const b = backend();
    const [live, idle] = await b.describeGroupLag(['b-live', 'a-idle'], { timeLag: false });
    expect(activeHolders(live!)).toBe('b-live is Stable, held by m-1 (rdkafka /127.0.0.1): stop its consumers first');
    expect(activeHolders(idle!)).toBeUndefined();
  });
});
