// What every subcommand shares: connection flags, flag parsing with a usage on error,
// a connection that is always shut down, and signal handling.
import meow, { type AnyFlags, type Result } from 'meow';
import { ConnectionManager } from '../kafka/connection.js';
import { KafkaUserError } from '../kafka/errors.js';
import { completeSettings, resolveSettings, type ConnectionFlags, type ResolvedSettings } from '../config/connection-settings.js';
import { promptHidden } from './prompt.js';

export const connectionFlags = {
  bootstrapServer: { type: 'string', shortFlag: 'b' },
  profile: { type: 'string' },
  clientId: { type: 'string' },
  connectTimeout: { type: 'string' },
  requestTimeout: { type: 'string' },
  saslMechanism: { type: 'string' },
  saslUsername: { type: 'string' },
  saslPasswordEnv: { type: 'string' },
  saslPasswordFile: { type: 'string' },
  saslPasswordCommand: { type: 'string' },
  saslPassword: { type: 'string' },
  commandConfig: { type: 'string' },
  tls: { type: 'boolean' },
  tlsCa: { type: 'string' },
  tlsCert: { type: 'string' },
  tlsKey: { type: 'string' },
  tlsInsecure: { type: 'boolean' },
  logFile: { type: 'string' },
  readOnly: { type: 'boolean' },
} as const satisfies AnyFlags;

export const CONNECTION_HELP = `
  Connection
    -b, --bootstrap-server HOST:PORT[,...]  brokers (env KAFKA_BOOTSTRAP_SERVERS; default localhost:9092)
    --profile NAME                          use a saved profile (see: kafka-tui config)
    --client-id ID                          client id (default kafka-tui)
    --connect-timeout 10s                   give up reaching the cluster after this long
    --request-timeout 30s                   per-request timeout
    --command-config FILE                   a Java client.properties (also --consumer.config, --producer.config);
                                            flags override it
    --sasl-mechanism plain|scram-sha-256|scram-sha-512
    --sasl-username USER                    the password comes from $KAFKA_TUI_SASL_PASSWORD or a prompt
    --sasl-password-env VAR                 read the password from another variable
    --sasl-password-file FILE               read it from a file only you can read (mode 0600)
    --sasl-password-command CMD             run CMD (e.g. a password manager) and read its output
    --tls, --tls-ca FILE, --tls-cert FILE, --tls-key FILE, --tls-insecure
    --log-file FILE                         write client logs here (env KAFKA_TUI_LOG_FILE)
    --read-only                             refuse anything that would change the cluster (so does a profile's readOnly)`;

/**
 * Kafka's console tools name the file --consumer.config and --producer.config; meow would read the
 * dot as a nested object, so they become --command-config before parsing.
 */
function consoleToolFlag(arg: string): string {
  return arg.replace(/^--(consumer|producer)\.config(?==|$)/, '--command-config');
}

const toKebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * meow with an unknown flag reported in one line, as typed, with where to look, exit 2.
 * (meow's own allowUnknownFlags:false prints the whole usage, forty lines on a slow link.)
 */
export function parseArgs<F extends AnyFlags>(argv: string[], help: string, flags: F): Result<F> {
  const cli = meow(help, {
    importMeta: import.meta,
    argv: argv.map(consoleToolFlag),
    flags,
    allowUnknownFlags: true,
    autoHelp: true,
    autoVersion: false,
    booleanDefault: undefined,
  });
  const known = new Set(Object.keys(flags));
  const aliases = new Set(Object.values(flags).flatMap((f) => ('shortFlag' in f && f.shortFlag ? [f.shortFlag] : [])));
  const unknown = Object.keys(cli.flags).filter((name) => !known.has(name) && !aliases.has(name));
  if (unknown.length > 0) {
    const name = unknown[0]!;
    const typed = name.length === 1 ? `-${name}` : `--${toKebab(name)}`;
    throw new KafkaUserError(`unknown flag ${typed} (--help lists the flags)`, 2);
  }
  return cli;
}

/** conf is loaded only when a profile is asked for: it costs ~70 ms of start-up. */
export async function resolveConnection(flags: ConnectionFlags): Promise<ResolvedSettings> {
  const profiles = flags.profile ? new (await import('../config/profiles.js')).ProfileStore() : { get: () => undefined };
  const settings = resolveSettings(flags, process.env, profiles);
  for (const warning of settings.warnings) process.stderr.write(`kafka-tui: warning: ${warning}\n`);
  return settings;
}

export interface ConnectionRunOptions {
  /**
   * Called on the first Ctrl-C or SIGTERM instead of exiting, so that a command can stop its
   * work and finish cleanly (e.g. print a summary). A second signal exits at once.
   */
  onInterrupt?: (signal: NodeJS.Signals) => void;
  /**
   * What the work would change on the cluster ('produce to orders', 'delete topic orders'): under
   * --read-only or a read-only profile it is refused with one line, before any connection is made.
   */
  writes?: string;
}

/** The one-line refusal every write command gives under --read-only or a read-only profile. */
export function refuseIfReadOnly(settings: Pick<ResolvedSettings, 'readOnly' | 'profileName'>, what: string): void {
  if (!settings.readOnly) return;
  const why = settings.profileName ? `profile '${settings.profileName}' is read-only` : '--read-only is set';
  throw new KafkaUserError(`refused: ${what} (${why})`);
}

/** Runs work with a connection, and shuts it down on every path, including Ctrl-C and SIGTERM. */
export async function withConnection<T>(
  flags: ConnectionFlags,
  work: (connection: ConnectionManager, settings: ResolvedSettings) => Promise<T>,
  runOptions: ConnectionRunOptions = {},
): Promise<T> {
  const settings = await resolveConnection(flags);
  if (runOptions.writes !== undefined) refuseIfReadOnly(settings, runOptions.writes);
  const options = await completeSettings(settings, process.env, process.stdin.isTTY && process.stderr.isTTY ? promptHidden : undefined);
  const connection = new ConnectionManager(options);
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (runOptions.onInterrupt && !interrupted) {
      interrupted = true;
      process.once(signal, onSignal);
      runOptions.onInterrupt(signal);
      return;
    }
    void connection.shutdown().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    // A stuck disconnect must not keep the process alive.
    setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), 2000).unref();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work(connection, settings);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await connection.shutdown();
  }
}

/** Writes to stdout and resolves once the data is handed off, so large outputs respect backpressure. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}
