import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerSummary } from '../../source/kafka/brokers.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const broker = (nodeId: number, extra: Partial<BrokerSummary> = {}): BrokerSummary => ({
  nodeId,
  host: '127.0.0.1',
  port: 37191 + nodeId,
  rack: null,
  up: true,
  controller: false,
  leaders: 4,
  replicas: 12,
  outOfIsr: 0,
  offline: 0,
  ...extra,
});

async function openBrokers(setup: Parameters<typeof renderApp>[0], rows = 24): Promise<Harness> {
  const harness = await renderApp(setup, { rows });
  await harness.press(':');
  await harness.type('brokers');
  await harness.press(KEYS.enter);
  await harness.waitFor('▶ Brokers');
  return harness;
}

describe('Brokers pane', () => {
  it('shows the cluster line and the columns of `kafka-tui brokers`, a down broker marked in words', async () => {
    app = await openBrokers((b) => {
      b.brokerOverview = {
        clusterId: 'q1Sh-9_ISia_zwGINzRvyQ',
        controllerId: 3,
        brokers: [broker(1), broker(2, { up: false, leaders: 0, outOfIsr: 12, offline: 12 }), broker(3, { controller: true })],
      };
    });
    const frame = await app.waitFor('Cluster: q1Sh-9_ISia_zwGINzRvyQ');
    expect(frame).toContain('Controller: 3  Brokers: 3 (1 down)');
    expect(frame).toMatch(/ID HOST:PORT\s+RACK STATE CONTROLLER LEADERS REPLICAS OUT-OF-ISR OFFLINE/);
    expect(frame).toMatch(/ 1 127\.0\.0\.1:37192 -\s+up\s+-\s+4\s+12\s+0\s+0/);
    expect(frame).toMatch(/ 2 127\.0\.0\.1:37193 -\s+down\s+-\s+0\s+12\s+12\s+12/);
    expect(frame).toMatch(/ 3 127\.0\.0\.1:37194 -\s+up\s+active\s+4\s+12\s+0\s+0/);
  });

  it('Enter shows the selected broker’s non-default configs with their source; Esc goes back, then closes', async () => {
    app = await openBrokers((b) => {
      b.brokerOverview = { clusterId: 'c', controllerId: 1, brokers: [broker(1, { controller: true }), broker(2)] };
      b.brokerConfigSets.set(2, {
        nodeId: 2,
        configs: [
          { name: 'log.cleaner.threads', value: '2', source: 'DYNAMIC_BROKER_CONFIG', sensitive: false, synonyms: [] },
          { name: 'num.partitions', value: '1', source: 'STATIC_BROKER_CONFIG', sensitive: false, synonyms: [] },
        ],
      });
    });
    await app.waitFor('127.0.0.1:37193');
    await app.press('j', KEYS.enter);
    const configs = await app.waitFor('Non-default configs for broker 2 (2)');
    expect(configs).toContain('Broker 2 configs');
    expect(configs).toMatch(/log\.cleaner\.threads DYNAMIC_BROKER_CONFIG 2/);
    expect(configs).toMatch(/num\.partitions\s+STATIC_BROKER_CONFIG\s+1/);
    await app.press(KEYS.esc);
    expect(await app.waitFor('Cluster: c')).not.toContain('log.cleaner.threads');
    await app.press(KEYS.esc);
    expect(await app.waitFor('▶ Topics')).not.toContain('Cluster: c');
  });

  it('a broker whose configs cannot be read says why', async () => {
    app = await openBrokers((b) => {
      b.brokerOverview = { clusterId: 'c', controllerId: 1, brokers: [broker(1)] };
    });
    await app.waitFor('127.0.0.1:37192');
    await app.press(KEYS.enter);
    await app.waitFor('✖ unknown broker 1');
  });

  it('r refreshes in place, keeping the selection; the list is windowed', async () => {
    const many = Array.from({ length: 40 }, (_, i) => broker(i + 1));
    app = await openBrokers((b) => {
      b.brokerOverview = { clusterId: 'c', controllerId: 1, brokers: many };
    });
    await app.waitFor('127.0.0.1:37192');
    const before = app.frame();
    expect(before).not.toContain(':37231'); // broker 40: below the window
    await app.press('G');
    const bottom = await app.waitFor(':37231');
    expect(bottom).not.toContain(':37192 ');
    const calls = app.backend.brokersCalls;
    app.backend.brokerOverview = { clusterId: 'c', controllerId: 1, brokers: many.map((b) => ({ ...b, leaders: 9 })) };
    await app.press('r');
    const refreshed = await app.waitFor(/40 127\.0\.0\.1:37231 -\s+up\s+-\s+9/);
    expect(app.backend.brokersCalls).toBeGreaterThan(calls);
    expect(app.models.brokers.snapshot.selected).toBe(39);
    expect(refreshed).toContain('40 127.0.0.1:37231');
  });
});
