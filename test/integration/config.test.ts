// kafka-tui config: profiles in a conf file with mode 0600, no secrets, dots in names intact.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

describe('config profiles', () => {
  const env = { KAFKA_TUI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'kafka-tui-conf-')), KAFKA_TUI_SASL_PASSWORD: 'hunter2-secret' };

  it('adds, lists, uses and removes a profile', async () => {
    const added = await runCli(['config', 'add', 'local.dev', '-b', bootstrapOf(SINGLE), '--read-only'], { env });
    expect(added.code).toBe(0);
    const path = (await runCli(['config', 'path'], { env })).stdout.trim();
    expect(path.startsWith(env.KAFKA_TUI_CONFIG_DIR)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8')).profiles['local.dev']).toEqual({ bootstrapServers: bootstrapOf(SINGLE), readOnly: true });

    const listed = await runCli(['config', 'list'], { env });
    expect(listed.stdout).toBe(`local.dev\t${bootstrapOf(SINGLE)}\tread-only\n`);

    const used = await runCli(['topics', '--profile', 'local.dev'], { env });
    expect(used.code).toBe(0);

    expect((await runCli(['config', 'remove', 'local.dev'], { env })).code).toBe(0);
    const missing = await runCli(['topics', '--profile', 'local.dev'], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("kafka-tui: unknown profile 'local.dev' (see: kafka-tui config list)\n");
  });

  it('stores the name of the password variable, never the password', async () => {
    const added = await runCli(
      [
        'config',
        'add',
        'secure',
        '-b',
        'broker:9093',
        '--sasl-mechanism',
        'scram-sha-256',
        '--sasl-username',
        'alice',
        '--sasl-password-env',
        'PROD_PW',
      ],
      { env },
    );
    expect(added.code).toBe(0);
    const path = (await runCli(['config', 'path'], { env })).stdout.trim();
    const stored = readFileSync(path, 'utf8');
    expect(JSON.parse(stored).profiles.secure.sasl).toEqual({ mechanism: 'scram-sha-256', username: 'alice', passwordEnv: 'PROD_PW' });
    expect(stored).not.toContain('hunter2');
    const listed = await runCli(['config', 'list', '--json'], { env });
    expect(listed.stdout).not.toContain('hunter2');
  });

  it('rejects a profile that could not connect', async () => {
    const bad = await runCli(['config', 'add', 'broken', '-b', 'no-port'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe("kafka-tui: invalid bootstrap server 'no-port': expected host:port\n");
    const unknownFlag = await runCli(['config', 'add', 'x', '--sasl-passwd', 'p'], { env });
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toBe('kafka-tui: unknown flag --sasl-passwd (--help lists the flags)\n');
    const unknownShort = await runCli(['config', 'add', 'x', '-z'], { env });
    expect(unknownShort.code).toBe(2);
    expect(unknownShort.stderr).toBe('kafka-tui: unknown flag -z (--help lists the flags)\n');
  });

  it('refuses to store a password, and stores references to a client.properties and a password file', async () => {
    const refused = await runCli(['config', 'add', 'x', '-b', 'h:1', '--sasl-password', 'hunter2-flag'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'kafka-tui: a profile never stores a password: use --sasl-password-env, --sasl-password-file or --sasl-password-command\n',
    );
    const dir = mkdtempSync(join(tmpdir(), 'kafka-tui-refs-'));
    const properties = join(dir, 'client.properties');
    writeFileSync(properties, 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-256\n', { mode: 0o600 });
    const added = await runCli(
      ['config', 'add', 'refs', '-b', 'h:1', '--command-config', properties, '--sasl-username', 'alice', '--sasl-password-file', 'pw.txt'],
      { env },
    );
    expect(added.code, added.stderr).toBe(0);
    const path = (await runCli(['config', 'path'], { env })).stdout.trim();
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(path, 'utf8')).profiles.refs).toEqual({
      bootstrapServers: 'h:1',
      commandConfig: properties,
      sasl: { mechanism: 'scram-sha-256', username: 'alice', passwordFile: resolve('pw.txt') },
    });
  });
});
