// The TUI's connection state while the cluster cannot be reached: the reason stays visible and
// attempts back off.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus } from '../../../source/kafka/connection.js';
import { ConnectionStore, retryDelayMs } from '../../../source/model/connection-store.js';
import { connectionText } from '../../../source/ui/components/status-bar.js';

afterEach(() => vi.useRealTimers());

/** A backend whose checks fail (publishing connecting, then failed) until told the cluster is back. */
function flakyBackend() {
  const cluster = { clusterId: 'c', controller: 1, brokers: [{ nodeId: 1, host: 'h', port: 1 }] };
  let status: ConnectionStatus = { state: 'connecting' };
  const listeners = new Set<(s: ConnectionStatus) => void>();
  const publish = (next: ConnectionStatus) => {
    status = next;
    for (const listener of listeners) listener(next);
  };
  const backend = {
    up: false,
    /** Holds the next attempt after it publishes connecting, as a slow connect does. */
    hold: undefined as Promise<void> | undefined,
    checks: [] as number[],
    status: () => status,
    subscribeStatus: (listener: (s: ConnectionStatus) => void) => (listeners.add(listener), () => listeners.delete(listener)),
    check: async () => {
      backend.checks.push(Date.now());
      publish({ state: 'connecting' });
      await (backend.hold ?? Promise.resolve());
      publish(
        backend.up ? { state: 'ready', cluster } : { state: 'failed', error: 'cannot connect to h:1: connection refused (ECONNREFUSED)' },
      );
    },
  };
  return backend;
}

describe('retryDelayMs', () => {
  it('doubles from 1 s and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(retryDelayMs(3, 3_000)).toBe(3_000);
  });
});

describe('ConnectionStore while the cluster is unreachable', () => {
  it('retries with backoff, keeps the reason on screen, and goes back to the interval once ready', async () => {
    vi.useFakeTimers({ now: 0 });
    const backend = flakyBackend();
    const store = new ConnectionStore(backend, 5_000, 60_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(connectionText(store.snapshot).text).toBe('✖ failed: cannot connect to h:1: connection refused (ECONNREFUSED) · retry in 1s');

    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000);
    expect(backend.checks).toEqual([0, 1_000, 3_000, 7_000]);
    expect(connectionText(store.snapshot).text).toMatch(/^✖ failed: cannot connect .* · retry in 8s$/);

    backend.up = true;
    await vi.advanceTimersByTimeAsync(8_000);
    expect(store.snapshot.status.state).toBe('ready');
    expect(store.snapshot.retry).toBeUndefined();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(backend.checks).toEqual([0, 1_000, 3_000, 7_000, 15_000, 20_000]);
    store.dispose();
  });

  it('shows the last reason, not "connecting", while a retry is under way', async () => {
    vi.useFakeTimers({ now: 0 });
    const backend = flakyBackend();
    let release: () => void = () => {};
    const store = new ConnectionStore(backend, 5_000, 60_000);
    await vi.advanceTimersByTimeAsync(0);
    backend.hold = new Promise<void>((resolve) => (release = resolve));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(connectionText(store.snapshot).text).toBe('✖ failed: cannot connect to h:1: connection refused (ECONNREFUSED) · retrying now');
    expect(backend.checks).toEqual([0, 1_000]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(connectionText(store.snapshot).text).toMatch(/ · retry in 2s$/);
    store.dispose();
  });
});
