// An unreachable broker is an error within the configured timeout, not a hang.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, runCli } from '../helpers/cli.js';

describe('unreachable broker', () => {
  // Neither failure is transient, so neither waits for the connect timeout (10 s by default).
  it.each([
    [
      'a host name that does not resolve',
      ['no-such-host.invalid:9092'],
      /^kafka-tui: cannot connect to no-such-host\.invalid:9092: host not found \(ENOTFOUND\)$/,
    ],
    ['a refused port', ['127.0.0.1:1'], /^kafka-tui: cannot connect to 127\.0\.0\.1:1: connection refused \(ECONNREFUSED\)$/],
    [
      'every bootstrap server refusing',
      ['127.0.0.1:1', '127.0.0.1:2', '127.0.0.1:3'],
      /^kafka-tui: cannot connect to 127\.0\.0\.1:1, 127\.0\.0\.1:2, 127\.0\.0\.1:3: connection refused \(ECONNREFUSED\)$/,
    ],
  ])('fails within 2 s with one line for %s', async (_, brokers, message) => {
    const result = await runCli(['describe', '-b', brokers.join(',')], { timeoutMs: 30_000 });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.ms).toBeLessThan(2_000);
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

    it('keeps --connect-timeout when another bootstrap server refuses', async () => {
      const brokers = `127.0.0.1:1,127.0.0.1:${port}`;
      const result = await runCli(['topics', '-b', brokers, '--connect-timeout', '2s'], { timeoutMs: 30_000 });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^kafka-tui: timed out after 2s connecting to /);
      expect(result.ms).toBeGreaterThan(2_000);
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
