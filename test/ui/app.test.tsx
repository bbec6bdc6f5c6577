import { afterEach, describe, expect, it } from 'vitest';
import { helpLines } from '../../source/ui/components/help-overlay.js';
import { KEYMAP, displayKey } from '../../source/ui/keymap.js';
import { topic } from '../helpers/fake-backend.js';
import { KEYS, renderApp, type Harness } from '../helpers/ui-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

describe('App', () => {
  it('? shows a help overlay generated from the keymap, Esc closes it', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events')];
    });
    await app.press('?');
    const frame = await app.waitFor('Help');
    expect(frame).toContain('Everywhere');
    expect(frame).toContain(KEYMAP[0]!.description);
    const lines = helpLines();
    for (const binding of KEYMAP) {
      expect(lines.some((l) => l.includes(binding.keys.map(displayKey).join(' ')) && l.includes(binding.description))).toBe(true);
    }
    await app.press(KEYS.esc);
    await app.waitFor('▶ Topics');
  });

  it('the hint bar follows the focused pane', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events')];
    });
    await app.waitFor('/ filter');
    await app.press('c');
    await app.waitFor('Space pause');
  });

  it('Tab cycles panes', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events')];
    });
    await app.waitFor('▶ Topics');
    await app.press(KEYS.tab);
    await app.waitFor('▶ Describe');
    await app.press(KEYS.tab);
    await app.waitFor('▶ Consumer');
    await app.press('\u001b[Z');
    await app.waitFor('▶ Describe');
  });

  it('the status bar shows retrying with the reason, then connected again', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events')];
    });
    await app.waitFor('● connected · 1 broker(s)');
    app.backend.setStatus({ state: 'retrying', error: 'Connection refused' });
    await app.waitFor('↻ retrying: Connection refused · last seen 1 broker(s)');
    app.backend.setStatus({
      state: 'ready',
      cluster: { clusterId: 'x', controller: 1, brokers: [{ nodeId: 1, host: 'h', port: 1 }] },
    });
    await app.waitFor('● connected');
  });

  it(':describe T and :brokers work from the command line; unknown commands explain', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events'), topic('other')];
    });
    await app.waitFor('events');
    await app.press(':');
    await app.type('describe other');
    await app.press(KEYS.enter);
    await app.waitFor('▶ Describe other');
    await app.press(':');
    await app.type('brokers');
    await app.press(KEYS.enter);
    await app.waitFor('fake:9092');
    await app.press(KEYS.esc, ':');
    await app.type('bogus');
    await app.press(KEYS.enter);
    await app.waitFor("unknown command ':bogus'");
  });

  it('10,000 topics: only the visible rows are rendered and filtering is quick', async () => {
    app = await renderApp((b) => {
      b.topics = Array.from({ length: 10_000 }, (_, i) => topic(`topic-${String(i).padStart(5, '0')}`));
    });
    await app.waitFor('10000/10000');
    const started = performance.now();
    await app.press('/');
    await app.type('0999');
    await app.waitFor('11/10000');
    expect(performance.now() - started).toBeLessThan(1500);
    await app.press(KEYS.enter, 'G');
    await app.waitFor('topic-09999');
    expect(app.frame().split('\n').length).toBeLessThanOrEqual(23);
  });

  it('fits 80×24 with a frame shorter than the terminal', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events')];
    });
    const lines = (await app.waitFor('events')).split('\n');
    expect(lines.length).toBe(23);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});

describe('keys arriving together', () => {
  it('a command key followed by text in one read: p then the line', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events')];
    });
    await app.waitFor('events');
    await app.press('pk1:hello');
    await app.waitFor('events> k1:hello');
  });
});

describe('a line and Enter in one read', () => {
  it('types the line and sends it', async () => {
    app = await renderApp((b) => {
      b.topics = [topic('events')];
    });
    await app.waitFor('events');
    await app.press('p');
    await app.press('k1:hello\r');
    // k1's murmur2 partition of 3, as the real producer picks it
    await app.waitFor('✔ sent to events partition 2 offset 0');
  });
});
