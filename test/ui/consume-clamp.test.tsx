// The C prompt's `offset N` over every partition: partitions that do not reach N start inside
// their range, and the consumer pane says which.
import { afterEach, describe, expect, it } from 'vitest';
import { parseConsumeOptions } from '../../source/model/consume-options.js';
import { clampNotice } from '../../source/model/consumer-store.js';
import { record, topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

describe('offset N without p=', () => {
  it('asks for a clamped start only when no partition was chosen', () => {
    expect(parseConsumeOptions('offset 7').clampStart).toBe(true);
    expect(parseConsumeOptions('7').clampStart).toBe(true);
    expect(parseConsumeOptions('offset 7 p=1').clampStart).toBeUndefined();
    expect(parseConsumeOptions('end').clampStart).toBeUndefined();
  });

  it('names each clamped partition, where it starts and what it holds', () => {
    expect(clampNotice(7, [{ partition: 0, offset: 0, low: 0, end: 0 }])).toBe(
      'offset 7 is out of range, started partition 0 at 0 (it holds 0 to 0)',
    );
    expect(
      clampNotice(7, [
        { partition: 0, offset: 0, low: 0, end: 3 },
        { partition: 2, offset: 9, low: 9, end: 20 },
      ]),
    ).toBe('offset 7 is out of range, started partition 0 at 0 (it holds 0 to 3), partition 2 at 9 (it holds 9 to 20)');
  });

  it('shows the clamped partitions in the consumer pane above the records, and forgets them on the next consume', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events', 2)];
    });
    await app.waitFor('events');
    await app.press('C');
    await app.type('offset 7');
    await app.press(KEYS.enter);
    expect(app.backend.consumeRequests.at(-1)).toEqual({
      topic: 'events',
      from: { kind: 'offset', offset: 7 },
      partitions: [],
      clampStart: true,
    });
    app.backend.reportClamped([{ partition: 0, offset: 0, low: 0, end: 0 }]);
    app.backend.deliver([record(7, 'seventh', { partition: 1 })]);
    const frame = await app.waitFor('seventh');
    const lines = frame.split('\n');
    const notice = lines.findIndex((l) => l.includes('⚠ offset 7 is out of range, started partition 0 at 0 (it holds 0 to 0)'));
    expect(notice).toBeGreaterThan(0);
    expect(lines.findIndex((l) => l.includes('seventh'))).toBeGreaterThan(notice);

    await app.press('c');
    await app.waitFor('waiting for messages');
    expect(app.frame()).not.toContain('out of range');
  });
});
