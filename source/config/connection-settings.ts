// Resolves connection flags, environment and profile into ConnectionOptions, validating
// everything up front so bad settings fail with one clear line before any network I/O.
import { readFileSync } from 'node:fs';
import {
  DEFAULT_CONNECTION_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ConnectionOptions,
  type SaslMechanism,
} from '../kafka/connection.js';
import { KafkaUserError } from '../kafka/errors.js';
import { parseDuration } from './durations.js';
import type { Profile, ProfileStore } from './profiles.js';

export const SASL_MECHANISMS: readonly SaslMechanism[] = ['plain', 'scram-sha-256', 'scram-sha-512'];
export const DEFAULT_PASSWORD_ENV = 'KAFKA_TUI_SASL_PASSWORD';
export const DEFAULT_BOOTSTRAP = 'localhost:9092';

export interface ConnectionFlags {
  bootstrapServer?: string;
  profile?: string;
  clientId?: string;
  connectTimeout?: string;
  requestTimeout?: string;
  saslMechanism?: string;
  saslUsername?: string;
  saslPasswordEnv?: string;
  tls?: boolean;
  tlsCa?: string;
  tlsCert?: string;
  tlsKey?: string;
  tlsInsecure?: boolean;
  logFile?: string;
  /** --read-only: every command that would change the cluster refuses (so does a profile's readOnly). */
  readOnly?: boolean;
}

/** Connection settings before the password is known. */
export interface ResolvedSettings {
  options: Omit<ConnectionOptions, 'sasl'>;
  sasl?: { mechanism: SaslMechanism; username: string; passwordEnv: string };
  profileName?: string;
  readOnly: boolean;
}

export function parseBrokerList(text: string): string[] {
  const brokers = text
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new KafkaUserError('no bootstrap server given');
  for (const broker of brokers) {
    const match = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/.exec(broker);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
      throw new KafkaUserError(`invalid bootstrap server '${broker}': expected host:port`);
    }
  }
  return brokers;
}

function duration(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) {
    throw new KafkaUserError(`invalid --${flag} '${text}': use e.g. 10s, 500ms or 2m`);
  }
  return ms;
}

function readPem(flag: string, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new KafkaUserError(`cannot read --${flag} file '${path}' (${code})`);
  }
}

export function resolveSettings(flags: ConnectionFlags, env: NodeJS.ProcessEnv, profiles: Pick<ProfileStore, 'get'>): ResolvedSettings {
  let profile: Profile | undefined;
  if (flags.profile) {
    profile = profiles.get(flags.profile);
    if (!profile) throw new KafkaUserError(`unknown profile '${flags.profile}' (see: kafka-tui config list)`);
  }
  const brokers = parseBrokerList(flags.bootstrapServer ?? profile?.bootstrapServers ?? env.KAFKA_BOOTSTRAP_SERVERS ?? DEFAULT_BOOTSTRAP);

  const mechanismText = flags.saslMechanism ?? profile?.sasl?.mechanism;
  const username = flags.saslUsername ?? profile?.sasl?.username;
  let sasl: ResolvedSettings['sasl'];
  if (mechanismText !== undefined || username !== undefined) {
    const mechanism = mechanismText?.toLowerCase() as SaslMechanism | undefined;
    if (!mechanism || !SASL_MECHANISMS.includes(mechanism)) {
      throw new KafkaUserError(`invalid --sasl-mechanism '${mechanismText ?? ''}': use one of ${SASL_MECHANISMS.join(', ')}`);
    }
    if (!username) throw new KafkaUserError('--sasl-username is required with --sasl-mechanism');
    sasl = {
      mechanism,
      username,
      passwordEnv: flags.saslPasswordEnv ?? profile?.sasl?.passwordEnv ?? DEFAULT_PASSWORD_ENV,
    };
  }

  const caPath = flags.tlsCa ?? profile?.tls?.ca;
  const certPath = flags.tlsCert ?? profile?.tls?.cert;
  const keyPath = flags.tlsKey ?? profile?.tls?.key;
  const insecure = flags.tlsInsecure ?? profile?.tls?.insecure ?? false;
  const tlsWanted = Boolean(flags.tls || profile?.tls || caPath || certPath || keyPath || insecure);
  if (Boolean(certPath) !== Boolean(keyPath)) {
    throw new KafkaUserError('--tls-cert and --tls-key must be given together');
  }

  return {
    profileName: flags.profile,
    readOnly: flags.readOnly ?? profile?.readOnly ?? false,
    sasl,
    options: {
      brokers,
      clientId: flags.clientId ?? profile?.clientId ?? 'kafka-tui',
      connectionTimeoutMs: duration('connect-timeout', flags.connectTimeout, profile?.connectTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS),
      requestTimeoutMs: duration('request-timeout', flags.requestTimeout, profile?.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      tls: tlsWanted
        ? {
            ca: readPem('tls-ca', caPath),
            cert: readPem('tls-cert', certPath),
            key: readPem('tls-key', keyPath),
            rejectUnauthorized: !insecure,
          }
        : undefined,
      logFile: flags.logFile ?? env.KAFKA_TUI_LOG_FILE,
    },
  };
}

/** The password comes from the environment or, on a terminal, a hidden prompt; never from flags or conf. */
export async function completeSettings(
  settings: ResolvedSettings,
  env: NodeJS.ProcessEnv,
  prompt: ((question: string) => Promise<string>) | undefined,
): Promise<ConnectionOptions> {
  if (!settings.sasl) return settings.options;
  const { mechanism, username, passwordEnv } = settings.sasl;
  let password = env[passwordEnv];
  if (password === undefined && prompt) password = await prompt(`SASL password for ${username}: `);
  if (!password) {
    throw new KafkaUserError(`SASL password missing: set ${passwordEnv} or run on a terminal to be prompted`);
  }
  return { ...settings.options, sasl: { mechanism, username, password } };
}
