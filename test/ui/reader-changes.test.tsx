// What the consumer pane shows when the topic changes under its reader: added partitions and
// skipped offsets as a notice above the records, a deleted topic as the pane's error.
import { afterEach, describe, expect, it } from 'vitest';
import { KafkaUserError } from '../../source/kafka/errors.js';
import { record, topic } from '../helpers/fake-backend.js';
import { renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

async function consuming(): Promise<Harness> {
  const harness = (app = await renderApp((b) => {
    b.topics = [topic('grow', 1)];
  }));
  await harness.waitFor('grow');
  await harness.press('c');
  await harness.waitFor('waiting for messages');
  return harness;
}

describe('consumer pane, topic changes', () => {
  it('shows added partitions above the records and keeps showing records', async () => {
    const harness = await consuming();
    harness.backend.reportNotice('grow has a new partition 1: reading it from its beginning');
    harness.backend.deliver([record(0, 'from-the-new-partition', { partition: 1 })]);
    const lines = (await harness.waitFor('from-the-new-partition')).split('\n');
    const notice = lines.findIndex((l) => l.includes('⚠ grow has a new partition 1: reading it from its beginning'));
    expect(notice).toBeGreaterThan(0);
    expect(lines.findIndex((l) => l.includes('from-the-new-partition'))).toBeGreaterThan(notice);
  });

  it('shows skipped offsets as a notice', async () => {
    const harness = await consuming();
    harness.backend.reportNotice(
      'partition 0: 3 offsets skipped (3 to 5): removed by retention or delete-records before they were read; continuing from 6',
    );
    await harness.waitFor('⚠ partition 0: 3 offsets skipped (3 to 5)');
  });

  it('shows a deleted topic as the consumer pane error', async () => {
    const harness = await consuming();
    harness.backend.failConsume(new KafkaUserError('topic grow was deleted'));
    const frame = await harness.waitFor('topic grow was deleted');
    expect(frame).toContain('✖ topic grow was deleted');
  });
});
