// Runs the App on the alternate screen (entered by the CLI), and leaves it on every way out
// (quit, Ctrl-C, SIGTERM, SIGHUP, an uncaught error, whose message goes to stderr after).
import { render } from 'ink';
import { App, createModels, disposeModels, type ModelOptions } from './app.js';
import type { Backend, HistoryStore } from '../model/backend.js';
import type { EffectiveKeymap } from './key-remaps.js';
import { signalsHeld } from './external.js';
import { handOverScreen, leaveFullscreen } from './screen.js';

const SHUTDOWN_GRACE_MS = 2_000;

export interface TuiOptions extends ModelOptions {
  backend: Backend;
  history: HistoryStore;
  readOnly: boolean;
  color: boolean;
  initialTopic?: string;
  keys: EffectiveKeymap;
}

export async function runTui(options: TuiOptions): Promise<number> {
  const { backend, history, readOnly, color, initialTopic, keys } = options;
  const models = createModels(backend, history, options);
  const stdout = process.stdout;
  const restore = () => leaveFullscreen(stdout);

  handOverScreen(stdout);
  const app = (
    <App models={models} readOnly={readOnly} color={color} initialTopic={initialTopic} keymap={keys.keymap} notice={keys.error} />
  );
  const instance = render(app, {
    exitOnCtrlC: false, // Ctrl-C is a keymap binding, so it quits the same clean way as q
    maxFps: 30,
    incrementalRendering: true,
    patchConsole: true,
  });

  let exitCode = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    // A Ctrl-C typed in the pager (e) is the pager's: it reaches our process group as well.
    if (signal === 'SIGINT' && signalsHeld()) return;
    exitCode = signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143;
    instance.unmount();
  };
  const onCrash = (error: unknown) => {
    try {
      instance.unmount();
    } finally {
      restore();
      process.stderr.write(`kafka-tui: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    }
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  try {
    await instance.waitUntilExit();
  } finally {
    restore();
    // Keys typed after quitting belong to the shell: stop reading them.
    process.stdin.pause();
    for (const signal of signals) process.off(signal, onSignal);
  }
  // A stuck disconnect (a broker that went away) must not hold the shell hostage.
  const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  await Promise.race([disposeModels(models).then(() => backend.shutdown()), grace]);
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  return exitCode;
}
