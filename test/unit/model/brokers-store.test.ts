import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrokersOverview } from '../../../source/kafka/brokers.js';
import { BrokersStore } from '../../../source/model/brokers-store.js';

const overview = (leaders: number): BrokersOverview => ({
  clusterId: 'c',
  controllerId: 1,
  brokers: [1, 2].map((nodeId) => ({
    nodeId,
    host: 'h',
    port: 9000 + nodeId,
    rack: null,
    up: true,
    controller: nodeId === 1,
    leaders,
    replicas: 0,
    outOfIsr: 0,
    offline: 0,
  })),
});

/** A backend whose answers the test releases one by one, as a slow cluster would send them. */
function slowBackend() {
  const pending: Array<{ resolve: (o: BrokersOverview) => void; reject: (e: Error) => void }> = [];
  return {
    pending,
    brokers: () => new Promise<BrokersOverview>((resolve, reject) => pending.push({ resolve, reject })),
    brokerConfigs: async (nodeId: number) => ({ nodeId, configs: [] }),
  };
}

describe('BrokersStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('refreshes every 5 s while open and stops when closed', async () => {
    const backend = slowBackend();
    const store = new BrokersStore(backend);
    void store.open();
    expect(store.snapshot.loading).toBe(true);
    backend.pending[0]!.resolve(overview(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.snapshot.overview?.brokers[0]!.leaders).toBe(1);

    await vi.advanceTimersByTimeAsync(5_000);
    expect(backend.pending).toHaveLength(2);
    backend.pending[1]!.resolve(overview(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.snapshot.overview?.brokers[0]!.leaders).toBe(2);

    store.close();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(backend.pending).toHaveLength(2);
  });

  it('an older answer landing after a newer one is dropped; a failure keeps the last table and says why', async () => {
    const backend = slowBackend();
    const store = new BrokersStore(backend, 0);
    void store.refresh();
    void store.refresh();
    backend.pending[1]!.resolve(overview(2));
    await vi.advanceTimersByTimeAsync(0);
    backend.pending[0]!.resolve(overview(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.snapshot.overview?.brokers[0]!.leaders).toBe(2);

    void store.refresh();
    backend.pending[2]!.reject(new Error('broker went away'));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.snapshot.error).toBe('broker went away');
    expect(store.snapshot.overview?.brokers[0]!.leaders).toBe(2);
  });

  it('opens the selected broker’s configs and closes them', async () => {
    const backend = slowBackend();
    const store = new BrokersStore(backend, 0);
    void store.refresh();
    backend.pending[0]!.resolve(overview(0));
    await vi.advanceTimersByTimeAsync(0);
    store.select(5); // clamped to the last broker
    await store.showConfigs();
    expect(store.snapshot).toMatchObject({ configsOf: 2, configs: { nodeId: 2, configs: [] }, configsLoading: false });
    store.closeConfigs();
    expect(store.snapshot.configsOf).toBeUndefined();
  });
});
