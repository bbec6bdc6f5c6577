// What the consumer pane shows when the topic changes under its reader: added partitions and
// skipped offsets as a notice above the records, a deleted topic as the pane's error.
import { afterEach, describe, expect, it } from 'vitest';
import { TopicDeletedError } from '../../source/kafka/consumer.js';
import { record, topic } from '../helpers/fake-backend.js';
import { renderApp, tick, type Harness } from '../helpers/ui-harness.js';

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

  it('shows a deleted topic as the consumer pane error, offers its successor once there is one, and c reads it', async () => {
    const harness = await consuming();
    harness.backend.topics = [];
    harness.backend.failConsume(new TopicDeletedError('grow', false));
    let frame = await harness.waitFor('topic grow was deleted');
    expect(frame).toContain('✖ topic grow was deleted');
    await tick(150); // a few checks, and no topic of that name yet
    expect(harness.frame()).not.toContain('a new topic grow exists now');

    harness.backend.topics = [topic('grow', 1)];
    frame = await harness.waitFor('⚠ a new topic grow exists now: c reads it from its beginning');
    await harness.press('c');
    frame = await harness.waitFor('waiting for messages');
    expect(frame).not.toContain('was deleted');
    expect(harness.backend.consumeRequests.map((r) => r.topic)).toEqual(['grow', 'grow']);
  });

  it('offers the successor at once when the reader saw it replace the topic', async () => {
    const harness = await consuming();
    harness.backend.failConsume(new TopicDeletedError('grow', true));
    const frame = await harness.waitFor('a new topic grow exists now');
    expect(frame).toContain('✖ topic grow was deleted (a new topic of that');
  });
});
