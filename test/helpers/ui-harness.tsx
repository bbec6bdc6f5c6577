// Renders the App over fakes and drives it with keys, waiting for the model's throttled
// notifications instead of sleeping blindly.
import { render } from 'ink-testing-library';
import { App, createModels, type Models } from '../../source/ui/app.js';
import type { Binding } from '../../source/ui/keymap.js';
import { FakeBackend, MemoryHistory } from './fake-backend.js';

export const KEYS = {
  enter: '\r',
  esc: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  pgup: '\u001b[5~',
  pgdn: '\u001b[6~',
  tab: '\t',
  backspace: '\u007f',
  ctrlD: '\u0004',
  ctrlG: '\u0007',
};

export interface Harness {
  backend: FakeBackend;
  history: MemoryHistory;
  models: Models;
  /** What the app wrote to the terminal past Ink (the clipboard's OSC 52). */
  terminalWrites: string[];
  frame(): string;
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  unmount(): void;
}

export const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

export async function renderApp(
  setup: (backend: FakeBackend) => void = () => {},
  props: {
    readOnly?: boolean;
    initialTopic?: string;
    bufferSize?: number;
    columns?: number;
    rows?: number;
    keymap?: readonly Binding[];
    notice?: string;
    /** The clock the lag samples are stamped with. */
    now?: () => number;
    /** The terminal the app believes it is in (TERM, TMUX); an xterm by default. */
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<Harness> {
  const backend = new FakeBackend();
  const terminalWrites: string[] = [];
  setup(backend);
  const history = new MemoryHistory();
  const models = createModels(backend, history, {
    bufferSize: props.bufferSize,
    describeRefreshMs: 0,
    groupsRefreshMs: 0,
    now: props.now,
    connectionCheckMs: 0,
    notifyHz: 100,
    recreationCheckMs: 50,
  });
  const instance = render(
    <App
      models={models}
      readOnly={props.readOnly ?? false}
      color={false}
      initialTopic={props.initialTopic}
      keymap={props.keymap}
      notice={props.notice}
      size={{ columns: props.columns ?? 80, rows: props.rows ?? 24 }}
      writeTerminal={(sequence) => terminalWrites.push(sequence)}
      env={props.env ?? { TERM: 'xterm-256color' }}
    />,
  );
  const frame = () => instance.lastFrame() ?? '';
  const harness: Harness = {
    backend,
    history,
    models,
    terminalWrites,
    frame,
    async press(...keys) {
      for (const key of keys) {
        instance.stdin.write(key);
        await tick(15);
      }
      await tick();
    },
    async type(text) {
      for (const char of text) {
        instance.stdin.write(char);
        await tick(5);
      }
      await tick();
    },
    async waitFor(text, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = frame();
        if (typeof text === 'string' ? current.includes(text) : text.test(current)) return current;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)} in:\n${current}`);
        await tick(20);
      }
    },
    unmount: () => instance.unmount(),
  };
  await tick(50);
  return harness;
}
