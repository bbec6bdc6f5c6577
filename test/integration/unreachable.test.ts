// An unreachable broker is an error within the configured timeout, not a hang.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, runCli } from '../helpers/cli.js';

describe('unreachable broker', () => {
  it('fails with one line naming the address, within the default 10 s', async () => {
    const result = await runCli(['describe', '-b', '127.0.0.1:1'], { timeoutMs: 30_000 });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^kafka-tui: timed out after 10s connecting to 127\.0\.0\.1:1/);
    expect(result.ms).toBeLessThan(10_000 + 3_000);
  });

  describe('a port that accepts but never answers', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      // Swallows every byte: the worst case, a connect that succeeds and a request that hangs.
      server = createServer((socket) => socket.on('data', () => {}));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('honours --connect-timeout', async () => {
      const result = await runCli(['topics', '-b', `127.0.0.1:${port}`, '--connect-timeout', '2s'], { timeoutMs: 30_000 });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^kafka-tui: timed out after 2s connecting to 127\\.0\\.0\\.1:${port}`));
      expect(result.ms).toBeLessThan(2_000 + 3_000);
    });

    it.each(['SIGINT', 'SIGTERM'] as const)('exits promptly on %s while a request hangs', async (signal) => {
      const child = spawn(process.execPath, [BIN, 'describe', '-b', `127.0.0.1:${port}`, '--connect-timeout', '60s'], {
        stdio: 'ignore',
      });
      await new Promise((r) => setTimeout(r, 1_000));
      const sent = performance.now();
      child.kill(signal);
      const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      expect(performance.now() - sent).toBeLessThan(3_000);
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    });
  });
});
