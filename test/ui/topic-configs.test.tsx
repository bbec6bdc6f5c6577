// E on a topic: its configs with source and default, the overridden ones first, a line of help
// for the selected one; Enter edits a value, which is applied only after typing yes; a value the
// broker refuses is said with its reason; read-only refuses the edit.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigItem } from '../../source/kafka/configs.js';
import { topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, tick, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const atDefault = (name: string, value: string, brokerName = `log.${name}`): ConfigItem => ({
  name,
  value,
  source: 'DEFAULT_CONFIG',
  sensitive: false,
  synonyms: [{ name: brokerName, value, source: 'DEFAULT_CONFIG' }],
});

const start = async (readOnly = false) => {
  app = await renderApp(
    (b) => {
      b.topics = [topic('orders')];
      b.topicConfigSets.set('orders', [
        atDefault('cleanup.policy', 'delete'),
        atDefault('max.message.bytes', '1048588', 'message.max.bytes'),
        {
          name: 'retention.ms',
          value: '86400000',
          source: 'DYNAMIC_TOPIC_CONFIG',
          sensitive: false,
          synonyms: [
            { name: 'retention.ms', value: '86400000', source: 'DYNAMIC_TOPIC_CONFIG' },
            { name: 'log.retention.ms', value: '604800000', source: 'DEFAULT_CONFIG' },
          ],
        },
      ]);
      b.refuseConfig = (name, value) =>
        name === 'cleanup.policy' && !/^(delete|compact)(,(delete|compact))?$/.test(value)
          ? `Invalid value ${value} for configuration cleanup.policy`
          : undefined;
    },
    { readOnly },
  );
  await app.waitFor('orders');
  await app.press('E');
  await app.waitFor('Configs of orders');
  return app;
};

describe('topic configs (E)', () => {
  it('lists the overrides first with source, value and default, and helps with the selected one', async () => {
    const a = await start();
    const frame = await a.waitFor(/retention\.ms\s+topic\s+86400000\s+604800000/);
    const lines = frame.split('\n');
    const retention = lines.findIndex((l) => l.includes('retention.ms'));
    const cleanup = lines.findIndex((l) => /cleanup\.policy\s+default\s+delete\s+delete/.test(l));
    expect(retention).toBeGreaterThan(0);
    expect(cleanup).toBeGreaterThan(retention);
    expect(frame).toContain('retention.ms: how long records are kept');
    await a.press(KEYS.down);
    await a.waitFor('cleanup.policy: delete (drop old segments), compact');
  });

  it('Enter edits from the current value, and only yes applies it', async () => {
    const a = await start();
    await a.press(KEYS.enter);
    await a.waitFor('retention.ms of orders = 86400000');
    await a.press(...Array.from({ length: 8 }, () => KEYS.backspace));
    await a.type('3600000');
    await a.press(KEYS.enter);
    await a.waitFor('set retention.ms=3600000 on orders? type yes:');
    await a.type('no');
    await a.press(KEYS.enter);
    await a.waitFor('retention.ms not changed: the answer was not yes');
    expect(a.backend.topicConfigSets.get('orders')!.find((c) => c.name === 'retention.ms')!.value).toBe('86400000');

    await a.press(KEYS.enter);
    await a.press(...Array.from({ length: 8 }, () => KEYS.backspace));
    await a.type('3600000');
    await a.press(KEYS.enter);
    await a.type('yes');
    await a.press(KEYS.enter);
    await a.waitFor('orders: retention.ms is now 3600000');
    await a.waitFor(/retention\.ms\s+topic\s+3600000\s+604800000/);
  });

  it("shows the broker's reason for a value it refuses, and the value stays", async () => {
    const a = await start();
    await a.press(KEYS.down, KEYS.enter);
    await a.waitFor('cleanup.policy of orders = delete');
    await a.type('x');
    await a.press(KEYS.enter);
    await a.type('yes');
    await a.press(KEYS.enter);
    const frame = await a.waitFor(/INVALID_CONFIG: Invalid value\s+deletex for\s+configuration cleanup.policy/);
    expect(frame).toMatch(/cleanup\.policy\s+default\s+delete\s+delete/);
  });

  it('read-only: Enter says editing is disabled, and Esc closes the view', async () => {
    const a = await start(true);
    await a.press(KEYS.enter);
    await a.waitFor('read-only: editing configs is disabled');
    await tick(30);
    expect(a.frame()).not.toContain('retention.ms of orders =');
    await a.press(KEYS.esc);
    await a.waitFor('▶ Topics');
  });
});
