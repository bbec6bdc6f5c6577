// A topic the broker denies: the describe pane says "not authorized", the producer pane shows the
// broker's refusal, the status bar says what was denied, and the other topics keep working.
import { afterEach, describe, expect, it } from 'vitest';
import { KafkaUserError } from '../../source/kafka/errors.js';
import { description, topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

describe('not authorized', () => {
  it('describe shows it, the status bar names it, and another topic still describes', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('payroll'), topic('team-orders')];
      b.descriptions.set('payroll', { ...description('payroll', []), notAuthorized: true });
      b.descriptions.set(
        'team-orders',
        description('team-orders', [{ partition: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [] }]),
      );
    });
    await app.waitFor('payroll');
    await app.press('d');
    const frame = await app.waitFor('denied: describe topic payroll');
    expect(frame).toContain('not authorized to describe this topic');
    await app.press(':');
    await app.type('describe team-orders');
    await app.press(KEYS.enter);
    const other = await app.waitFor('P=1 RF=1');
    expect(other).not.toContain('denied:');
  });

  it('a refused send keeps the line and the status bar says what was denied', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('payroll')];
      b.produceError = new KafkaUserError('not authorized to produce to topic payroll');
    });
    await app.waitFor('payroll');
    await app.press('p');
    await app.type('x');
    await app.press(KEYS.enter);
    const frame = await app.waitFor('denied: produce to topic payroll');
    expect(frame).toContain('payroll>');
  });
});
