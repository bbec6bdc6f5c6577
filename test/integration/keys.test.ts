// kafka-tui keys: the effective key table, with the config file's remaps.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

function configDir(content: unknown): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-tui-keys-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(content));
  return { KAFKA_TUI_CONFIG_DIR: dir };
}

describe('kafka-tui keys', () => {
  it('prints the defaults as a table, and --json', async () => {
    const env = configDir({ profiles: {} });
    const text = await runCli(['keys'], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('topics\tc\tconsume.start\tconsume the topic from the beginning\n');
    expect(text.stdout).toContain('global\tq ctrl+c\tapp.quit\tquit (restores the terminal)\n');
    const json = await runCli(['keys', '--json'], { env });
    expect(JSON.parse(json.stdout)).toContainEqual({
      context: 'consumer',
      command: 'consume.pause',
      keys: ['space'],
      description: 'pause or resume the consumer',
    });
  });

  it("shows the config file's remaps, and refuses a bad one in one line", async () => {
    const remapped = await runCli(['keys'], { env: configDir({ keys: { topics: { 'consume.start': ['x'] } } }) });
    expect(remapped.code).toBe(0);
    expect(remapped.stdout).toContain('topics\tx\tconsume.start\t');
    expect(remapped.stdout).toContain('describe\tc\tconsume.start\t');
    const bad = await runCli(['keys'], { env: configDir({ keys: { topics: { 'consume.go': ['x'] } } }) });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('kafka-tui: config keys.topics.consume.go: unknown command (see: kafka-tui keys); using the default keys\n');
    expect(bad.stdout).toContain('topics\tc\tconsume.start\t');
    const extra = await runCli(['keys', 'more'], { env: configDir({}) });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toBe("kafka-tui: unexpected argument 'more'\n");
  });
});
