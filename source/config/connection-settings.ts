// Resolves connection flags, environment and profile into ConnectionOptions, validating
// everything up front so bad settings fail with one clear line before any network I/O.
import { readFileSync, statSync } from 'node:fs';
import {
  DEFAULT_CONNECTION_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ConnectionOptions,
  type SaslMechanism,
} from '../kafka/connection.js';
import { KafkaUserError } from '../kafka/errors.js';
import { keyStoreMaterial, trustStoreMaterial } from '../kafka/security.js';
import { mapClientProperties, type ClientPropertiesSettings } from './client-properties.js';
import { parseJavaProperties } from './java-properties.js';
import { readSecret, type SecretSource } from './secrets.js';
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
  /** A Java client.properties (--command-config, --consumer.config, --producer.config); flags override it. */
  commandConfig?: string;
  /** Warned about: a password in the arguments is visible to every user of the machine. */
  saslPassword?: string;
  saslPasswordFile?: string;
  saslPasswordCommand?: string;
  /** --read-only: every command that would change the cluster refuses (so does a profile's readOnly). */
  readOnly?: boolean;
}

/** Connection settings before the password is known. */
export interface ResolvedSettings {
  options: Omit<ConnectionOptions, 'sasl'>;
  sasl?: { mechanism: SaslMechanism; username: string; password: SecretSource };
  /** One line each, for stderr before anything else happens (never containing a secret). */
  warnings: string[];
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

interface CommandConfig {
  path: string;
  settings: ClientPropertiesSettings;
}

/** Reads and maps --command-config (or the profile's), collecting what the user should hear about. */
function loadCommandConfig(path: string | undefined, warnings: string[]): CommandConfig | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KafkaUserError(`cannot read --command-config file '${path}' (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const properties = parseJavaProperties(text);
  let settings: ClientPropertiesSettings;
  try {
    settings = mapClientProperties(properties);
  } catch (error) {
    throw new KafkaUserError(`${path}: ${(error as Error).message}`);
  }
  if (settings.unsupported.length > 0) warnings.push(`${path}: ignoring unsupported ${settings.unsupported.join(', ')}`);
  const holdsSecret = settings.sasl?.password !== undefined || [...properties.keys()].some((key) => /password/.test(key));
  const mode = statSync(path).mode & 0o777;
  if (holdsSecret && (mode & 0o077) !== 0) {
    warnings.push(`${path} holds a password and others may read it (mode ${mode.toString(8)}): chmod 600 ${path}`);
  }
  return { path, settings };
}

/** The first password source given, flags before the profile; undefined leaves it to the client.properties or the default. */
function passwordSource(flags: ConnectionFlags, profile: Profile | undefined, warnings: string[]): SecretSource | undefined {
  if (flags.saslPassword !== undefined) {
    warnings.push(
      '--sasl-password puts the password in the process arguments, which other users can see (ps): use --sasl-password-env, --sasl-password-file or --sasl-password-command',
    );
    return { from: 'value', value: flags.saslPassword };
  }
  if (flags.saslPasswordFile) return { from: 'file', path: flags.saslPasswordFile };
  if (flags.saslPasswordCommand) return { from: 'command', command: flags.saslPasswordCommand };
  if (flags.saslPasswordEnv) return { from: 'env', name: flags.saslPasswordEnv, promptIfUnset: true };
  const sasl = profile?.sasl;
  if (sasl?.passwordFile) return { from: 'file', path: sasl.passwordFile };
  if (sasl?.passwordCommand) return { from: 'command', command: sasl.passwordCommand };
  if (sasl?.passwordEnv) return { from: 'env', name: sasl.passwordEnv, promptIfUnset: true };
  return undefined;
}

export function resolveSettings(flags: ConnectionFlags, env: NodeJS.ProcessEnv, profiles: Pick<ProfileStore, 'get'>): ResolvedSettings {
  let profile: Profile | undefined;
  if (flags.profile) {
    profile = profiles.get(flags.profile);
    if (!profile) throw new KafkaUserError(`unknown profile '${flags.profile}' (see: kafka-tui config list)`);
  }
  const warnings: string[] = [];
  // Layers, later ones winning: the client.properties file, the profile, the flags.
  const file = loadCommandConfig(flags.commandConfig ?? profile?.commandConfig, warnings)?.settings;
  const brokers = parseBrokerList(
    flags.bootstrapServer ?? profile?.bootstrapServers ?? file?.bootstrapServers ?? env.KAFKA_BOOTSTRAP_SERVERS ?? DEFAULT_BOOTSTRAP,
  );

  const mechanismText = flags.saslMechanism ?? profile?.sasl?.mechanism ?? file?.sasl?.mechanism;
  const username = flags.saslUsername ?? profile?.sasl?.username ?? file?.sasl?.username;
  let sasl: ResolvedSettings['sasl'];
  if (mechanismText !== undefined || username !== undefined) {
    const mechanism = mechanismText?.toLowerCase() as SaslMechanism | undefined;
    if (!mechanism || !SASL_MECHANISMS.includes(mechanism)) {
      throw new KafkaUserError(`invalid --sasl-mechanism '${mechanismText ?? ''}': use one of ${SASL_MECHANISMS.join(', ')}`);
    }
    if (!username) throw new KafkaUserError('--sasl-username is required with --sasl-mechanism');
    const fromFile = file?.sasl?.password;
    sasl = {
      mechanism,
      username,
      password:
        passwordSource(flags, profile, warnings) ??
        (fromFile !== undefined ? { from: 'value', value: fromFile } : { from: 'env', name: DEFAULT_PASSWORD_ENV, promptIfUnset: true }),
    };
  }

  const caPath = flags.tlsCa ?? profile?.tls?.ca;
  const certPath = flags.tlsCert ?? profile?.tls?.cert;
  const keyPath = flags.tlsKey ?? profile?.tls?.key;
  const insecure = flags.tlsInsecure ?? profile?.tls?.insecure ?? false;
  const fileWantsTls = file?.protocol === 'SSL' || file?.protocol === 'SASL_SSL';
  const tlsWanted = flags.tls ?? Boolean(profile?.tls || fileWantsTls || caPath || certPath || keyPath || insecure);
  if (Boolean(certPath) !== Boolean(keyPath)) {
    throw new KafkaUserError('--tls-cert and --tls-key must be given together');
  }
  const keyMaterial = certPath
    ? { cert: readPem('tls-cert', certPath), key: readPem('tls-key', keyPath) }
    : file?.keystore && keyStoreMaterial(file.keystore);

  return {
    profileName: flags.profile,
    readOnly: flags.readOnly ?? profile?.readOnly ?? false,
    sasl,
    warnings,
    options: {
      brokers,
      clientId: flags.clientId ?? profile?.clientId ?? file?.clientId ?? 'kafka-tui',
      connectionTimeoutMs: duration('connect-timeout', flags.connectTimeout, profile?.connectTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS),
      requestTimeoutMs: duration('request-timeout', flags.requestTimeout, profile?.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      tls: tlsWanted
        ? {
            ca: caPath ? readPem('tls-ca', caPath) : file?.truststore && trustStoreMaterial(file.truststore),
            ...keyMaterial,
            rejectUnauthorized: !insecure,
            verifyHostname: profile?.tls?.verifyHostname ?? file?.verifyHostname ?? true,
          }
        : undefined,
      logFile: flags.logFile ?? env.KAFKA_TUI_LOG_FILE,
    },
  };
}

/** The password, read from where the settings say; the prompt only on a terminal. */
export async function completeSettings(
  settings: ResolvedSettings,
  env: NodeJS.ProcessEnv,
  prompt: ((question: string) => Promise<string>) | undefined,
): Promise<ConnectionOptions> {
  if (!settings.sasl) return settings.options;
  const { mechanism, username, password: source } = settings.sasl;
  const password = await readSecret(source, env, prompt && (() => prompt(`SASL password for ${username}: `)), 'SASL password');
  return { ...settings.options, sasl: { mechanism, username, password } };
}
