// Small and changing terminals: below the minimum one centred line, at and above it every line
// fits, and headers shorten by whole words.
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { App, createModels } from '../../source/ui/app.js';
import { MIN_COLUMNS, MIN_ROWS, tooSmallText } from '../../source/ui/components/too-small.js';
import { FakeBackend, MemoryHistory, topic } from '../helpers/fake-backend.js';
import { tick } from '../helpers/ui-harness.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function renderAt(columns: number, rows: number, setup: (b: FakeBackend) => void = () => {}) {
  const backend = new FakeBackend();
  backend.topics = [topic('orders-with-a-rather-long-name', 3)];
  setup(backend);
  const models = createModels(backend, new MemoryHistory(), { describeRefreshMs: 0, connectionCheckMs: 0, notifyHz: 100 });
  const app = (c: number, r: number) => <App models={models} readOnly={false} color={false} size={{ columns: c, rows: r }} />;
  const instance = render(app(columns, rows));
  cleanup = () => instance.unmount();
  return {
    models,
    frame: () => instance.lastFrame() ?? '',
    resize: (c: number, r: number) => instance.rerender(app(c, r)),
    stdin: instance.stdin,
  };
}

const lines = (frame: string) => frame.split('\n');

describe('a terminal below the minimum size', () => {
  it.each([
    [40, 10, 'terminal too small: 40×10, need 60×15'],
    [59, 30, 'terminal too small: 59×30, need 60×15'],
    [120, 14, 'terminal too small: 120×14, need 60×15'],
    [20, 5, 'too small: 20×5'],
  ])('at %i×%i shows only "%s", centred', async (columns, rows, message) => {
    const app = renderAt(columns, rows);
    await tick(50);
    const frame = lines(app.frame());
    expect(frame).toHaveLength(rows - 1);
    const text = frame.filter((line) => line.trim() !== '');
    expect(text).toEqual([expect.stringContaining(message)]);
    const row = frame.findIndex((line) => line.trim() !== '');
    expect(row).toBe(Math.floor((rows - 1 - 1) / 2));
    const left = frame[row]!.indexOf(message);
    expect(Math.abs(left - (columns - stringWidth(message) - left))).toBeLessThanOrEqual(1);
  });

  it('shortens the message rather than wrap it', () => {
    for (let columns = 1; columns < MIN_COLUMNS; columns++) {
      expect(stringWidth(tooSmallText(columns, 5))).toBeLessThanOrEqual(columns);
    }
    expect(tooSmallText(3, 5)).toBe('3×5');
  });

  it('comes back to the panes, with the same state, when the terminal grows', async () => {
    const app = renderAt(80, 24);
    await tick(50);
    app.stdin.write('\t');
    await tick(50);
    expect(app.frame()).toContain('▶ Describe');
    app.resize(20, 5);
    await tick(50);
    expect(app.frame()).toContain('too small: 20×5');
    expect(app.frame()).not.toContain('Describe');
    app.resize(120, 40);
    await tick(50);
    const frame = lines(app.frame());
    expect(frame).toHaveLength(39);
    expect(frame[0]).toMatch(/^kafka-tui /);
    expect(app.frame()).toContain('▶ Describe');
    expect(app.frame()).not.toContain('too small');
  });
});

describe('a terminal at or above the minimum size', () => {
  it.each([
    [MIN_COLUMNS, MIN_ROWS],
    [61, 16],
    [80, 24],
    [133, 41],
  ])('at %i×%i every line fits and nothing wraps', async (columns, rows) => {
    const app = renderAt(columns, rows, (b) =>
      b.setStatus({ state: 'failed', error: 'cannot connect to some-host.example:9092: host not found (ENOTFOUND)' }),
    );
    await tick(50);
    app.stdin.write('c');
    await tick(100);
    const frame = lines(app.frame());
    expect(frame).toHaveLength(rows - 1);
    for (const line of frame) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    expect(frame[0]).toMatch(/^kafka-tui /);
    expect(frame.at(-1)).toMatch(/\? help/);
  });
});
