import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeSettings, parseBrokerList, resolveSettings } from '../../../source/config/connection-settings.js';
import { parseDuration } from '../../../source/config/durations.js';
import type { Profile } from '../../../source/config/profiles.js';

const noProfiles = { get: () => undefined };
const profiles = (map: Record<string, Profile>) => ({ get: (name: string) => map[name] });

describe('bootstrap servers', () => {
  it('defaults to localhost:9092, then the env var, then the flag', () => {
    expect(resolveSettings({}, {}, noProfiles).options.brokers).toEqual(['localhost:9092']);
    expect(resolveSettings({}, { KAFKA_BOOTSTRAP_SERVERS: 'a:1,b:2' }, noProfiles).options.brokers).toEqual(['a:1', 'b:2']);
    expect(resolveSettings({ bootstrapServer: 'c:3' }, { KAFKA_BOOTSTRAP_SERVERS: 'a:1' }, noProfiles).options.brokers).toEqual(['c:3']);
  });

  it('rejects malformed addresses', () => {
    expect(() => parseBrokerList('localhost')).toThrow("invalid bootstrap server 'localhost': expected host:port");
    expect(() => parseBrokerList('h:99999')).toThrow('expected host:port');
    expect(() => parseBrokerList(' , ')).toThrow('no bootstrap server given');
    expect(parseBrokerList('[::1]:9092, h:1')).toEqual(['[::1]:9092', 'h:1']);
  });
});

describe('timeouts', () => {
  it('parses durations', () => {
    expect(parseDuration('10s')).toBe(10_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('3')).toBe(3_000);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('defaults to 10 s to connect and rejects nonsense', () => {
    expect(resolveSettings({}, {}, noProfiles).options.connectionTimeoutMs).toBe(10_000);
    expect(resolveSettings({ connectTimeout: '2s' }, {}, noProfiles).options.connectionTimeoutMs).toBe(2_000);
    expect(() => resolveSettings({ requestTimeout: '0' }, {}, noProfiles)).toThrow("invalid --request-timeout '0'");
  });
});

describe('profiles', () => {
  it('reads brokers and read-only from a profile, flags still win', () => {
    const store = profiles({ prod: { bootstrapServers: 'p:9092', readOnly: true, clientId: 'ops' } });
    const settings = resolveSettings({ profile: 'prod' }, {}, store);
    expect(settings.options.brokers).toEqual(['p:9092']);
    expect(settings.readOnly).toBe(true);
    expect(settings.options.clientId).toBe('ops');
    expect(resolveSettings({ profile: 'prod', bootstrapServer: 'x:1' }, {}, store).options.brokers).toEqual(['x:1']);
  });

  it('names an unknown profile', () => {
    expect(() => resolveSettings({ profile: 'nope' }, {}, noProfiles)).toThrow("unknown profile 'nope'");
  });
});

describe('SASL', () => {
  it('validates the mechanism and needs a username', () => {
    expect(() => resolveSettings({ saslMechanism: 'gssapi', saslUsername: 'u' }, {}, noProfiles)).toThrow(
      "invalid --sasl-mechanism 'gssapi': use one of plain, scram-sha-256, scram-sha-512",
    );
    expect(() => resolveSettings({ saslMechanism: 'plain' }, {}, noProfiles)).toThrow('--sasl-username is required');
  });

  it('takes the password from the environment, never from the settings', async () => {
    const settings = resolveSettings({ saslMechanism: 'SCRAM-SHA-512', saslUsername: 'alice' }, {}, noProfiles);
    expect(settings.sasl).toEqual({
      mechanism: 'scram-sha-512',
      username: 'alice',
      password: { from: 'env', name: 'KAFKA_TUI_SASL_PASSWORD', promptIfUnset: true },
    });
    expect(JSON.stringify(settings)).not.toContain('s3cret');
    const options = await completeSettings(settings, { KAFKA_TUI_SASL_PASSWORD: 's3cret' }, undefined);
    expect(options.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'alice', password: 's3cret' });
  });

  it('prompts on a terminal, and fails clearly without one', async () => {
    const settings = resolveSettings({ saslMechanism: 'plain', saslUsername: 'bob', saslPasswordEnv: 'BOB_PW' }, {}, noProfiles);
    await expect(completeSettings(settings, {}, undefined)).rejects.toThrow('SASL password missing: set BOB_PW');
    const asked: string[] = [];
    const options = await completeSettings(settings, {}, async (q) => {
      asked.push(q);
      return 'typed';
    });
    expect(asked).toEqual(['SASL password for bob: ']);
    expect(options.sasl?.password).toBe('typed');
  });
});

describe('TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-tui-tls-'));
  const ca = join(dir, 'ca.pem');
  writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n');

  it('reads the CA file and keeps verification on unless told', () => {
    const tls = resolveSettings({ tlsCa: ca }, {}, noProfiles).options.tls;
    expect(tls?.ca).toContain('BEGIN CERTIFICATE');
    expect(tls?.rejectUnauthorized).toBe(true);
    expect(resolveSettings({ tls: true, tlsInsecure: true }, {}, noProfiles).options.tls?.rejectUnauthorized).toBe(false);
    expect(resolveSettings({}, {}, noProfiles).options.tls).toBeUndefined();
  });

  it('names a missing file and an incomplete client certificate', () => {
    expect(() => resolveSettings({ tlsCa: join(dir, 'missing.pem') }, {}, noProfiles)).toThrow(
      /cannot read --tls-ca file '.*missing.pem' \(ENOENT\)/,
    );
    expect(() => resolveSettings({ tlsCert: ca }, {}, noProfiles)).toThrow('--tls-cert and --tls-key must be given together');
  });
});
