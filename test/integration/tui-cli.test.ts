// `kafka-tui` with no subcommand, without a terminal: usage and exit 2 (no Ink loaded, no screen taken).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('kafka-tui without a terminal', () => {
  it('prints the usage and exits 2', async () => {
    const result = await runCli(['-b', '127.0.0.1:1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('open the terminal UI (on a TTY)');
    expect(result.stdout).toBe('');
  });
});
