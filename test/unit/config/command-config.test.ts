// --command-config layered under the profile and the flags; passwords by reference; the stores it names.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { completeSettings, resolveSettings } from '../../../source/config/connection-settings.js';
import type { Profile } from '../../../source/config/profiles.js';
import { readSecret } from '../../../source/config/secrets.js';
import { keyStoreMaterial, trustStoreMaterial } from '../../../source/kafka/security.js';

const dir = mkdtempSync(join(tmpdir(), 'kafka-tui-cc-'));
const noProfiles = { get: () => undefined };
const write = (name: string, text: string | Buffer, mode = 0o600) => {
  const path = join(dir, name);
  writeFileSync(path, text, { mode });
  chmodSync(path, mode);
  return path;
};
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=unit CA', '-keyout', 'ca.key', '-out', 'ca.pem');
  openssl('pkcs12', '-export', '-nokeys', '-in', 'ca.pem', '-out', 'trust.p12', '-passout', 'pass:trustpw');
  openssl('pkcs12', '-export', '-inkey', 'ca.key', '-in', 'ca.pem', '-out', 'key.p12', '-passout', 'pass:keypw');
  writeFileSync(join(dir, 'key.pem'), Buffer.concat([readFileSync(join(dir, 'ca.key')), readFileSync(join(dir, 'ca.pem'))]));
  const jks = Buffer.alloc(16);
  jks.writeUInt32BE(0xfeedfeed, 0);
  writeFileSync(join(dir, 'store.jks'), jks);
});

const SASL_SSL = (extra = '') =>
  write(
    `client-${Math.random()}.properties`,
    [
      'bootstrap.servers=file-host:9093',
      'security.protocol=SASL_SSL',
      'sasl.mechanism=PLAIN',
      'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="from-file";',
      `ssl.truststore.location=${join(dir, 'ca.pem')}`,
      'client.id=from-file',
      extra,
    ].join('\n'),
  );

describe('--command-config', () => {
  it('gives brokers, SASL, TLS and client id; flags override it', async () => {
    const path = SASL_SSL();
    const settings = resolveSettings({ commandConfig: path }, {}, noProfiles);
    expect(settings.options.brokers).toEqual(['file-host:9093']);
    expect(settings.options.clientId).toBe('from-file');
    expect(settings.options.tls?.ca).toContain('BEGIN CERTIFICATE');
    expect(settings.options.tls?.verifyHostname).toBe(true);
    expect((await completeSettings(settings, {}, undefined)).sasl).toEqual({
      mechanism: 'plain',
      username: 'alice',
      password: 'from-file',
    });
    expect(settings.warnings).toEqual([]);

    const overridden = resolveSettings(
      { commandConfig: path, bootstrapServer: 'flag:1', clientId: 'flag', saslMechanism: 'scram-sha-256', saslPasswordEnv: 'PW' },
      {},
      noProfiles,
    );
    expect(overridden.options.brokers).toEqual(['flag:1']);
    expect(overridden.options.clientId).toBe('flag');
    expect(overridden.sasl).toEqual({
      mechanism: 'scram-sha-256',
      username: 'alice',
      password: { from: 'env', name: 'PW', promptIfUnset: true },
    });
    expect(resolveSettings({ commandConfig: path, tls: false }, {}, noProfiles).options.tls).toBeUndefined();
  });

  it('sits under a profile that names it, and the profile under the flags', () => {
    const profile: Profile = {
      bootstrapServers: 'profile-host:9093',
      commandConfig: SASL_SSL(),
      sasl: { mechanism: 'plain', username: 'bob', passwordEnv: 'BOB' },
    };
    const settings = resolveSettings({ profile: 'p' }, {}, { get: () => profile });
    expect(settings.options.brokers).toEqual(['profile-host:9093']);
    expect(settings.sasl?.username).toBe('bob');
    expect(settings.sasl?.password).toEqual({ from: 'env', name: 'BOB', promptIfUnset: true });
    expect(settings.options.clientId).toBe('from-file');
  });

  it('warns in one line about unsupported keys and a file others can read', () => {
    const loose = write(
      'loose.properties',
      'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="a" password="pw";\nacks=all\ngroup.id=x\n',
      0o644,
    );
    expect(resolveSettings({ commandConfig: loose }, {}, noProfiles).warnings).toEqual([
      `${loose}: ignoring unsupported acks, group.id`,
      `${loose} holds a password and others may read it (mode 644): chmod 600 ${loose}`,
    ]);
  });

  it('names the file in its errors', () => {
    expect(() => resolveSettings({ commandConfig: join(dir, 'missing') }, {}, noProfiles)).toThrow(
      `cannot read --command-config file '${join(dir, 'missing')}' (ENOENT)`,
    );
    const bad = write('bad.properties', 'security.protocol=SASL_SSL\nsasl.mechanism=GSSAPI');
    expect(() => resolveSettings({ commandConfig: bad }, {}, noProfiles)).toThrow(`${bad}: sasl.mechanism GSSAPI is not supported`);
  });

  it('warns about a password given as a flag', () => {
    const settings = resolveSettings({ saslMechanism: 'plain', saslUsername: 'a', saslPassword: 'pw-on-argv' }, {}, noProfiles);
    expect(settings.warnings).toEqual([expect.stringMatching(/^--sasl-password puts the password in the process arguments/)]);
    expect(settings.warnings.join('')).not.toContain('pw-on-argv');
  });
});

describe('password sources', () => {
  it('reads a file of mode 0600 without its final newline, and refuses a looser one', async () => {
    expect(await readSecret({ from: 'file', path: write('pw', 'file-pw\n') }, {}, undefined, 'SASL password')).toBe('file-pw');
    const loose = write('pw-loose', 'x\n', 0o640);
    await expect(readSecret({ from: 'file', path: loose }, {}, undefined, 'SASL password')).rejects.toThrow(
      `password file ${loose} is readable by others (mode 640): chmod 600 ${loose}`,
    );
  });

  it('runs a command and reads its output; a failing one is one line that never shows output', async () => {
    expect(await readSecret({ from: 'command', command: "printf 'cmd-pw\\n'" }, {}, undefined, 'SASL password')).toBe('cmd-pw');
    await expect(readSecret({ from: 'command', command: 'echo leaked; exit 3' }, {}, undefined, 'SASL password')).rejects.toThrow(
      "password command 'echo leaked; exit 3' failed (exit 3)",
    );
  });

  it('refuses an empty secret', async () => {
    await expect(readSecret({ from: 'env', name: 'E', promptIfUnset: false }, { E: '' }, undefined, 'SASL password')).rejects.toThrow(
      'SASL password from $E is empty',
    );
  });
});

describe('stores', () => {
  const store = (location: string, extra: object = {}) => ({ location, origin: 'ssl.truststore' as const, ...extra });

  it('reads PEM and PKCS12 trust stores as PEM certificates', () => {
    const pem = trustStoreMaterial(store(join(dir, 'ca.pem')));
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/);
    expect(trustStoreMaterial(store(join(dir, 'trust.p12'), { type: 'PKCS12', password: 'trustpw' }))).toBe(pem);
    expect(() => trustStoreMaterial(store(join(dir, 'trust.p12'), { password: 'wrong' }))).toThrow(
      /cannot read the PKCS12 ssl.truststore .* \(wrong password\)/,
    );
  });

  it('gives a PKCS12 key store to Node as pfx, and a PEM one as key and chain', () => {
    const p12 = keyStoreMaterial({ location: join(dir, 'key.p12'), type: 'PKCS12', password: 'keypw', origin: 'ssl.keystore' });
    expect(p12.pfx?.length).toBeGreaterThan(0);
    expect(p12.passphrase).toBe('keypw');
    const pem = keyStoreMaterial({ location: join(dir, 'key.pem'), origin: 'ssl.keystore' });
    expect(pem.key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(pem.cert).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('refuses JKS in one line that says how to convert it', () => {
    const jks = join(dir, 'store.jks');
    expect(() => trustStoreMaterial(store(jks, { type: 'JKS' }))).toThrow(
      `ssl.truststore ${jks} is a JKS store, which Node cannot read: convert it with keytool -importkeystore -srckeystore ${jks} -destkeystore ${join(dir, 'store.p12')} -deststoretype PKCS12, then set ssl.truststore.type=PKCS12`,
    );
    // Told by its bytes even when the type says otherwise.
    expect(() => keyStoreMaterial({ location: jks, type: 'PKCS12', origin: 'ssl.keystore' })).toThrow(/is a JKS store/);
  });
});
