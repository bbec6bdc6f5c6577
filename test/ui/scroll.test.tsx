// Every scrolled view moves on the first k after G: the keys and the views clamp with the
// same window helper (they used to disagree, so several k presses changed nothing).
import { afterEach, describe, expect, it } from 'vitest';
import { helpLines } from '../../source/ui/components/help-overlay.js';
import { description, record, topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const partition = (n: number) => ({ partition: n, leader: 1, replicas: [1], isr: [1], offlineReplicas: [] });

describe('G then k', () => {
  it('help: the first k scrolls up one line from the bottom', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events')];
    });
    await app.waitFor('events');
    const lines = helpLines();
    await app.press('?', 'G');
    await app.waitFor(lines.at(-1)!);
    expect(app.frame()).not.toContain(lines.at(-19)!);
    await app.press('k');
    expect(app.frame()).not.toContain(lines.at(-1)!);
    await app.press('g');
    await app.waitFor(lines[0]!);
  });

  it('describe: the first k shows the partition above the last page', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('wide', { partitions: 40 })];
      b.descriptions.set(
        'wide',
        description(
          'wide',
          Array.from({ length: 40 }, (_, i) => partition(i)),
        ),
      );
    });
    await app.waitFor('wide');
    await app.press('d');
    await app.waitFor('P=40');
    await app.waitFor('▶ Describe');
    const row = (n: number) => new RegExp(`\\s${n}\\s+1 1\\s`);
    await app.press('G');
    expect(app.frame()).toMatch(row(39));
    await app.press('k');
    expect(app.frame()).not.toMatch(row(39));
    expect(app.frame()).toMatch(row(38));
  });

  it('message detail: the first k scrolls up from the end of a long value', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events')];
    });
    await app.waitFor('events');
    await app.press('c');
    await app.waitFor('▶ Consumer');
    const value = Array.from({ length: 60 }, (_, i) => `line-${String(i).padStart(2, '0')}`).join('\n');
    app.backend.deliver([record(0, value)]);
    await app.waitFor('line-00');
    await app.press('k', KEYS.enter);
    await app.waitFor('Message');
    await app.press('G');
    await app.waitFor('line-59');
    expect(app.frame()).not.toContain('line-41');
    await app.press('k');
    expect(app.frame()).not.toContain('line-59');
    expect(app.frame()).toContain('line-41');
  });
});
