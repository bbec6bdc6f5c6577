import { afterEach, describe, expect, it } from 'vitest';
import { description, topic } from '../helpers/fake-backend.js';
import { renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const partition = (partition: number, leader: number | null, replicas: number[], isr: number[], offline: number[] = []) => ({
  partition,
  leader,
  replicas,
  isr,
  offlineReplicas: offline,
});

describe('Describe pane', () => {
  it('shows leaders, replicas, ISR, watermarks, configs, and marks unhealthy rows with a symbol', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('orders', { partitions: 3, replicationFactor: 3 })];
      b.descriptions.set(
        'orders',
        description(
          'orders',
          [partition(0, 1, [1, 2, 3], [1, 2, 3]), partition(1, 2, [2, 3, 1], [2, 1]), partition(2, null, [3], [], [3])],
          [['retention.ms', '86400000']],
        ),
      );
    });
    await app.waitFor('orders');
    await app.press('d');
    const frame = await app.waitFor('P=3 RF=3');
    expect(frame).toContain('configs: retention.ms=86400000');
    expect(frame).toMatch(/ {2}\s+0\s+1 1,2,3\s+1,2,3\s+0\s+10/);
    expect(frame).toMatch(/▲\s+1\s+2 2,3,1\s+2,1/);
    expect(frame).toMatch(/✖\s+2\s+none 3\s+3/);
  });

  it('--topic opens straight on the topic and r refreshes', async () => {
    app = await renderApp(
      (b) => {
        b.topics = [topic('orders')];
        b.descriptions.set('orders', description('orders', [partition(0, 1, [1, 2], [1, 2])]));
      },
      { initialTopic: 'orders' },
    );
    await app.waitFor('▶ Describe orders');
    app.backend.descriptions.set('orders', description('orders', [partition(0, 1, [1, 2], [1])]));
    await app.press('r');
    await app.waitFor(/▲\s+0\s+1 1,2\s+1 /);
  });

  it('keeps the last description on screen when a refresh fails', async () => {
    app = await renderApp(
      (b) => {
        b.topics = [topic('orders')];
        b.descriptions.set('orders', description('orders', [partition(0, 1, [1], [1])]));
      },
      { initialTopic: 'orders' },
    );
    await app.waitFor('P=1 RF=1');
    app.backend.descriptions.clear();
    await app.press('r');
    const frame = await app.waitFor('✖ unknown topic');
    expect(frame).toContain('P=1 RF=1');
  });
});
