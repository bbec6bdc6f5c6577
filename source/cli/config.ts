// kafka-tui config: manage saved cluster profiles.
import { resolve } from 'node:path';
import { KafkaUserError } from '../kafka/errors.js';
import { resolveSettings } from '../config/connection-settings.js';
import { ProfileStore, type Profile } from '../config/profiles.js';
import { connectionFlags, parseArgs, writeOut } from './command.js';

const HELP = `
  Usage
    kafka-tui config add NAME -b HOST:PORT[,...] [--read-only] [--command-config FILE]
                              [--sasl-mechanism M --sasl-username U [--sasl-password-env VAR |
                              --sasl-password-file F | --sasl-password-command CMD]]
                              [--tls --tls-ca F --tls-cert F --tls-key F]
    kafka-tui config list [--json]
    kafka-tui config remove NAME
    kafka-tui config path

  Profiles never hold a password, only where to get it: an environment variable (--sasl-password-env,
  default KAFKA_TUI_SASL_PASSWORD), a file of mode 0600, a command that prints it, or a prompt.
  --command-config stores the path of a client.properties, read at each use.
`;

const flags = {
  ...connectionFlags,
  readOnly: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** What a profile shows in a listing: everything it stores, which is never a secret. */
function describeProfile(name: string, p: Profile): string {
  const parts = [`${name}\t${p.bootstrapServers}`];
  if (p.commandConfig) parts.push(`command-config=${p.commandConfig}`);
  if (p.sasl) parts.push(`sasl=${p.sasl.mechanism}:${p.sasl.username}`);
  if (p.tls) parts.push('tls');
  if (p.readOnly) parts.push('read-only');
  return parts.join('\t');
}

export async function run(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, HELP, flags);
  const [action, name, ...extra] = cli.input;
  if (extra.length > 0) throw new KafkaUserError(`unexpected argument '${extra[0]}'`, 2);
  const store = new ProfileStore();
  switch (action) {
    case 'path':
      await writeOut(`${store.path}\n`);
      return 0;
    case 'list':
    case undefined: {
      const profiles = store.list();
      await writeOut(
        cli.flags.json
          ? `${JSON.stringify(profiles, null, 2)}\n`
          : Object.entries(profiles)
              .map(([n, p]) => `${describeProfile(n, p)}\n`)
              .join(''),
      );
      return 0;
    }
    case 'add': {
      if (!name) throw new KafkaUserError('config add needs a profile name', 2);
      if (!cli.flags.bootstrapServer && !cli.flags.commandConfig) throw new KafkaUserError('config add needs --bootstrap-server', 2);
      if (cli.flags.saslPassword !== undefined) {
        throw new KafkaUserError(
          'a profile never stores a password: use --sasl-password-env, --sasl-password-file or --sasl-password-command',
          2,
        );
      }
      // Validate exactly as a connection would, so a saved profile is always usable.
      const settings = resolveSettings({ ...cli.flags, profile: undefined }, {}, { get: () => undefined });
      const absolute = (path: string | undefined) => (path === undefined ? undefined : resolve(path));
      const tlsGiven = cli.flags.tls || cli.flags.tlsCa || cli.flags.tlsCert || cli.flags.tlsInsecure;
      const tls = tlsGiven
        ? {
            ca: absolute(cli.flags.tlsCa),
            cert: absolute(cli.flags.tlsCert),
            key: absolute(cli.flags.tlsKey),
            insecure: cli.flags.tlsInsecure,
          }
        : undefined;
      const sasl =
        cli.flags.saslMechanism || cli.flags.saslUsername
          ? {
              mechanism: settings.sasl!.mechanism,
              username: settings.sasl!.username,
              passwordEnv: cli.flags.saslPasswordEnv,
              passwordFile: absolute(cli.flags.saslPasswordFile),
              passwordCommand: cli.flags.saslPasswordCommand,
            }
          : undefined;
      store.set(name, {
        bootstrapServers: settings.options.brokers.join(','),
        commandConfig: absolute(cli.flags.commandConfig),
        clientId: cli.flags.clientId,
        connectTimeoutMs: cli.flags.connectTimeout ? settings.options.connectionTimeoutMs : undefined,
        requestTimeoutMs: cli.flags.requestTimeout ? settings.options.requestTimeoutMs : undefined,
        readOnly: cli.flags.readOnly || undefined,
        sasl,
        tls,
      });
      process.stderr.write(`Saved profile ${name} in ${store.path}\n`);
      return 0;
    }
    case 'remove':
      if (!name) throw new KafkaUserError('config remove needs a profile name', 2);
      if (!store.remove(name)) throw new KafkaUserError(`unknown profile '${name}'`);
      process.stderr.write(`Removed profile ${name}\n`);
      return 0;
    default:
      throw new KafkaUserError(`unknown config action '${action}'\n${HELP.trim()}`, 2);
  }
}
