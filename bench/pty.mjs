// The TUI in a real pseudo-terminal (util-linux `script`, 80×24), for the benchmarks that time what
// the user sees: `output` accumulates everything it draws (ANSI included), `waitFor` times text.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const bin = resolve(import.meta.dirname, '..', 'bin/kafka-tui.js');

/** Launches `kafka-tui -b bootstrap ...args` with its config in `work` (a scratch directory). */
export function launchTui({ bootstrap, args = [], work }) {
  const pidFile = join(work, `pid-${Date.now()}`);
  const command = `stty rows 24 cols 80; echo $$ > ${pidFile}; exec ${process.execPath} ${bin} -b ${bootstrap} ${args.join(' ')}`;
  const started = performance.now();
  const child = spawn('script', ['-q', '-f', '-e', '-c', command, '/dev/null'], {
    env: { ...process.env, KAFKA_TUI_CONFIG_DIR: work, TERM: 'xterm-256color' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const session = {
    started,
    output: '',
    child,
    pid: () => Number(readFileSync(pidFile, 'utf8').trim()),
    send: (keys) => child.stdin.write(keys),
    /** Resolves with the time (ms since `from`) at which `text` (a string or RegExp) shows up in output written after `offset`. */
    waitFor(text, { offset = 0, from = started, timeoutMs = 120_000 } = {}) {
      const found = () => (typeof text === 'string' ? session.output.indexOf(text, offset) >= 0 : text.test(session.output.slice(offset)));
      return new Promise((resolvePromise, reject) => {
        const check = () => {
          if (found()) {
            cleanup();
            resolvePromise(performance.now() - from);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${String(text)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          child.stdout.off('data', check);
        };
        child.stdout.on('data', check);
        check();
      });
    },
    async quit() {
      child.stdin.write('q');
      await new Promise((r) => child.once('close', r));
    },
  };
  child.stdout.on('data', (chunk) => {
    session.output += chunk.toString('utf8');
  });
  return session;
}

export const peakRssMb = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
};

export const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
