// Runs kafka-tui on a real pseudo-terminal (util-linux `script`), feeding it typed input.
import { spawn } from 'node:child_process';
import { BIN } from './cli.js';

export interface PtyResult {
  code: number | null;
  /** Everything the terminal showed, prompts and echo included. */
  screen: string;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function runOnPty(args: string[], input: string, timeoutMs = 30_000): Promise<PtyResult> {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qefc', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => chunks.push(c));
  // Typed after the prompt has had time to appear, as a person would.
  setTimeout(() => child.stdin.write(input), 1_500);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen: Buffer.concat(chunks).toString('utf8') });
    });
  });
}
