// kafka-tui config: manage saved cluster profiles.
import { KafkaUserError } from '../kafka/errors.js';
import { resolveSettings } from '../config/connection-settings.js';
import { ProfileStore, type Profile } from '../config/profiles.js';
import { connectionFlags, parseArgs, writeOut } from './command.js';

const HELP = `
  Usage
    kafka-tui config add NAME -b HOST:PORT[,...] [--read-only] [--sasl-mechanism M --sasl-username U
                              [--sasl-password-env VAR]] [--tls --tls-ca F --tls-cert F --tls-key F]
    kafka-tui config list [--json]
    kafka-tui config remove NAME
    kafka-tui config path

  Profiles never hold a password: give the name of the environment variable that carries it
  (--sasl-password-env, default KAFKA_TUI_SASL_PASSWORD), or type it when prompted.
`;

const flags = {
  ...connectionFlags,
  readOnly: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** What a profile shows in a listing: everything it stores, which is never a secret. */
function describeProfile(name: string, p: Profile): string {
  const parts = [`${name}\t${p.bootstrapServers}`];
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
      if (!cli.flags.bootstrapServer) throw new KafkaUserError('config add needs --bootstrap-server', 2);
      // Validate exactly as a connection would, so a saved profile is always usable.
      const settings = resolveSettings({ ...cli.flags, profile: undefined }, {}, { get: () => undefined });
      const tls = settings.options.tls
        ? { ca: cli.flags.tlsCa, cert: cli.flags.tlsCert, key: cli.flags.tlsKey, insecure: cli.flags.tlsInsecure }
        : undefined;
      store.set(name, {
        bootstrapServers: settings.options.brokers.join(','),
        clientId: cli.flags.clientId,
        connectTimeoutMs: cli.flags.connectTimeout ? settings.options.connectionTimeoutMs : undefined,
        requestTimeoutMs: cli.flags.requestTimeout ? settings.options.requestTimeoutMs : undefined,
        readOnly: cli.flags.readOnly || undefined,
        sasl: settings.sasl,
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
