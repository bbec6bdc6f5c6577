import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { description, group, member, topic, type FakeBackend } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

/** orders has 3 partitions ending at 10, 20, 30; billing (Stable) is behind by 9 + 5 + 0, archive (Empty) by 10 + 20 + 30. */
function cluster(b: FakeBackend): void {
  b.topics = [topic('orders')];
  b.logs.set('orders', [
    { start: 0, end: 10 },
    { start: 5, end: 20 },
    { start: 0, end: 30 },
  ]);
  b.groups.set(
    'billing',
    group(
      'Stable',
      { orders: [1, 15, 30] },
      [
        member('rdkafka-aaa', [
          { topic: 'orders', partition: 0 },
          { topic: 'orders', partition: 1 },
        ]),
        member('rdkafka-bbb', [{ topic: 'orders', partition: 2 }]),
      ],
      { 'orders:0': 125_000, 'orders:1': 4_000 },
    ),
  );
  b.groups.set('archive', group('Empty', { orders: [0, 5, 0] }));
}

const command = async (text: string) => {
  await app!.press(':');
  await app!.type(text);
  await app!.press(KEYS.enter);
};

describe('Groups pane', () => {
  it(':groups lists every group with state, members, total lag and time lag', async () => {
    app = await renderApp(cluster);
    await command('groups');
    const frame = await app.waitFor('billing');
    expect(frame).toContain('▶ Groups');
    expect(frame).toMatch(/GROUP\s+STATE\s+MEMB\s+LAG\s+TIME-LAG/);
    expect(frame).toMatch(/billing\s+Stable\s+2\s+14\s+2m05s/);
    // archive has no time lag known (none measured), and is marked Empty without colour.
    expect(frame).toMatch(/○ archive\s+Empty\s+0\s+55\s+-/);
    expect(frame).not.toContain('not in the TUI yet');
  });

  it('Ctrl-G opens it too, / filters, and Esc clears the filter then goes back to topics', async () => {
    app = await renderApp(cluster);
    await app.waitFor('orders');
    await app.press(KEYS.ctrlG);
    await app.waitFor('archive');
    await app.press('/');
    await app.type('bill');
    let frame = await app.waitFor('1/2 /bill');
    expect(frame).not.toContain('archive');
    await app.press(KEYS.enter, KEYS.esc);
    frame = await app.waitFor('archive');
    await app.press(KEYS.esc);
    frame = await app.waitFor('▶ Topics');
    expect(frame).toContain('orders');
  });

  it('draws a sparkline of the total lag from the samples of each refresh', async () => {
    let now = Date.UTC(2026, 10, 23, 12);
    app = await renderApp(cluster, { now: () => now });
    await command('groups');
    await app.waitFor('billing');
    // The consumer catches up one partition at a time: lag 14, then 5, then 0.
    app.backend.groups.get('billing')!.offsets.get('orders')!.set(0, 10);
    now += 5_000;
    await app.press('r');
    await app.waitFor(/billing\s+Stable\s+2\s+5 /);
    app.backend.groups.get('billing')!.offsets.get('orders')!.set(1, 20);
    now += 5_000;
    await app.press('r');
    const frame = await app.waitFor(/billing\s+Stable\s+2\s+0 /);
    expect(frame).toMatch(/billing.* █▄▁/);
  });

  it('Enter opens a group: partitions with committed, end, lag, time lag and owner; members; the ETA line', async () => {
    app = await renderApp(cluster);
    await command('groups');
    await app.waitFor('billing');
    await app.press('j', KEYS.enter);
    const frame = await app.waitFor('MEMBERS (2)');
    expect(frame).toMatch(/Group billing {2}Stable · 2 member\(s\) · lag 14 · time lag 2m05s/);
    expect(frame).toMatch(/TOPIC\s+P\s+COMMITTED\s+END\s+LAG\s+TIME-LAG\s+MEMBER/);
    expect(frame).toMatch(/orders\s+0\s+1\s+10\s+9\s+2m05s\s+rdkafka-aaa/);
    expect(frame).toMatch(/orders\s+1\s+15\s+20\s+5\s+4s\s+rdkafka-aaa/);
    expect(frame).toMatch(/orders\s+2\s+30\s+30\s+0\s+0s\s+rdkafka-bbb/);
    expect(frame).toContain('rdkafka-aaa  rdkafka /127.0.0.1  orders:0,1');
    // Two samples a keypress apart give no rate worth an ETA (group-trend.test.ts has the sums).
    expect(frame).toContain('ETA: measuring the rates');
    expect(app.backend.lagRequests.at(-1)).toEqual({ groupIds: ['billing'], timeLag: true });
    app.backend.groups.get('billing')!.offsets.get('orders')!.set(0, 10);
    await app.press('r');
    await app.waitFor(/orders\s+0\s+10\s+10\s+0/);
    await app.press(KEYS.esc);
    await app.waitFor('▶ Groups');
  });

  it('refuses to reset an active group, naming the members that hold it', async () => {
    app = await renderApp(cluster);
    await command('groups');
    await app.waitFor('billing');
    await app.press('j', 'R');
    const frame = await app.waitFor('held by');
    expect(frame).toContain('billing is Stable, held by rdkafka-aaa');
    expect(frame).not.toContain('reset billing to:');
  });

  it('previews a reset (old → new, lag before → after), keeps it a dry run on Esc, applies it after the typed name', async () => {
    app = await renderApp(cluster);
    await command('groups');
    await app.waitFor('archive');
    await app.press('R');
    await app.waitFor('reset archive to:');
    await app.type('shift 3 topic orders:0,1');
    await app.press(KEYS.enter);
    let frame = await app.waitFor('apply this reset? type archive');
    expect(frame).toContain('RESET to shift +3 · orders · dry run');
    expect(frame).toMatch(/orders\s+0\s+0 → 3\s+10 → 7/);
    expect(frame).toMatch(/orders\s+1\s+5 → 8\s+15 → 12/);
    expect(frame).not.toMatch(/orders\s+2\s+0 →/);
    // Esc leaves a dry run: nothing applied, the preview still on screen.
    await app.press(KEYS.esc);
    frame = await app.waitFor('dry run');
    expect(app.backend.executedResets).toEqual([]);
    // A wrong name applies nothing either.
    await app.press('R');
    await app.waitFor('reset archive to:');
    await app.type('earliest');
    await app.press(KEYS.enter);
    await app.waitFor('apply this reset?');
    await app.type('archiv');
    await app.press(KEYS.enter);
    await app.waitFor('not reset: the name typed was not archive');
    expect(app.backend.executedResets).toEqual([]);
    // The right name applies it, and the group shows its new offsets.
    await app.press('R');
    await app.type('latest');
    await app.press(KEYS.enter);
    await app.waitFor('apply this reset?');
    await app.type('archive');
    await app.press(KEYS.enter);
    frame = await app.waitFor('✔ applied');
    expect(app.backend.executedResets).toHaveLength(1);
    expect([...app.backend.groups.get('archive')!.offsets.get('orders')!.values()]).toEqual([10, 20, 30]);
    frame = await app.waitFor(/orders\s+0\s+10\s+10\s+0/);
    expect(frame).toContain('lag 0');
  });

  it('says why a reset plan cannot be made, and warns when a target is clamped', async () => {
    app = await renderApp(cluster);
    await command('groups');
    await app.waitFor('archive');
    await app.press('R');
    await app.type('offset 12 topic orders');
    await app.press(KEYS.enter);
    let frame = await app.waitFor('apply this reset?');
    expect(frame).toMatch(/orders\s+0\s+0 → 10\s+10 → 0\s+clamped/);
    expect(frame).toMatch(/▲ New offset \(12\) is higher than latest offset for topic partition orders-0\.\s+Value\s+will be set to 10/);
    await app.press(KEYS.esc, 'R');
    await app.type('topic nosuch');
    await app.press(KEYS.enter);
    frame = await app.waitFor('cannot read');
    await app.press('R');
    await app.type('earliest topic orders:7');
    await app.press(KEYS.enter);
    frame = await app.waitFor('topic orders has no partition 7');
    await app.press('R');
    await app.type('shift -1 topic orders');
    await app.press(KEYS.enter);
    await app.waitFor('apply this reset?');
    await app.press(KEYS.esc);
    // A shift needs a committed offset to shift from: the planner says so for a group without one.
    app.backend.groups.get('archive')!.offsets.get('orders')!.delete(2);
    await app.press('R');
    await app.type('shift -1 topic orders');
    await app.press(KEYS.enter);
    await app.waitFor('cannot shift orders-2: the group has no committed offset there');
    expect(app.backend.executedResets).toEqual([]);
  });

  it("plans a reset from a file (the CSV --export writes), with the file's partitions only", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kafka-tui-plan-')), 'plan.csv');
    writeFileSync(file, 'orders,1,9\norders,2,31\n');
    app = await renderApp(cluster);
    await command('groups');
    await app.waitFor('archive');
    await app.press('R');
    await app.type(`file ${file}`);
    await app.press(KEYS.enter);
    const frame = await app.waitFor('apply this reset?');
    expect(frame).toMatch(/orders\s+1\s+5 → 9\s+15 → 11/);
    expect(frame).toMatch(/orders\s+2\s+0 → 30\s+30 → 0\s+clamped/);
    expect(frame).not.toMatch(/orders\s+0\s+0 →/);
  });

  it('read-only refuses resets and deletes with the reason', async () => {
    app = await renderApp(cluster, { readOnly: true });
    await command('groups');
    await app.waitFor('archive');
    await app.press('R');
    await app.waitFor('read-only: resetting offsets is disabled');
    await app.press(KEYS.ctrlD);
    await app.waitFor('read-only: deleting groups is disabled');
    expect(app.frame()).not.toContain('type its name');
  });

  it('deletes a group after its name is typed, and a group’s offsets for one topic', async () => {
    app = await renderApp((b) => {
      cluster(b);
      b.logs.set('payments', [{ start: 0, end: 4 }]);
      b.groups.get('archive')!.offsets.set('payments', new Map([[0, 1]]));
    });
    await command('groups');
    await app.waitFor('archive');
    await app.press(KEYS.enter);
    await app.waitFor(/payments\s+0\s+1\s+4\s+3/);
    await app.press('D');
    await app.waitFor("delete archive's offsets for topic:");
    await app.type('payments');
    await app.press(KEYS.enter);
    await app.waitFor("delete archive's offsets for payments? type archive");
    await app.type('archive');
    await app.press(KEYS.enter);
    await app.waitFor("deleted archive's offsets for payments");
    expect(app.backend.groups.get('archive')!.offsets.has('payments')).toBe(false);

    await app.press(KEYS.ctrlD);
    await app.waitFor('delete group archive? type its name:');
    await app.type('archive');
    await app.press(KEYS.enter);
    const frame = await app.waitFor('deleted group archive');
    expect(frame).toContain('▶ Groups');
    expect(app.backend.groups.has('archive')).toBe(false);
    await app.waitFor('1/1');
  });

  it('refuses to delete an active group, naming its members', async () => {
    app = await renderApp(cluster);
    await command('groups');
    await app.waitFor('billing');
    await app.press('j', KEYS.ctrlD);
    await app.waitFor('billing is Stable, held by rdkafka-aaa');
    expect(app.backend.groups.has('billing')).toBe(true);
  });

  it('shows why the list failed, and comes back on r', async () => {
    app = await renderApp((b) => {
      cluster(b);
      b.listGroupsError = new Error('coordinator not available');
    });
    await command('groups');
    await app.waitFor('✖ coordinator not available');
    app.backend.listGroupsError = undefined;
    await app.press('r');
    await app.waitFor('billing');
  });

  it('the topic describe pane lists the groups that consume the topic, with their lag', async () => {
    app = await renderApp(
      (b) => {
        cluster(b);
        b.descriptions.set('orders', description('orders', [{ partition: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [] }]));
      },
      { initialTopic: 'orders' },
    );
    const frame = await app.waitFor('groups: billing');
    expect(frame).toContain('groups: billing lag 14 · archive lag 55');
    app.backend.groups.get('billing')!.offsets.get('orders')!.set(0, 10);
    await app.press('r');
    await app.waitFor('groups: billing lag 5');
  });
});
