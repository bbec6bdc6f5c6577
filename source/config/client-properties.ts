// What a Java client.properties (--command-config, as Kafka's console tools take it) means for us:
// a pure mapping from its keys to connection settings, with the keys we do not support named.
// Reading the stores it points to is kafka/security.ts's job.
import type { SaslMechanism } from '../kafka/connection.js';
import { KafkaUserError } from '../kafka/errors.js';
import type { StoreSettings } from '../kafka/security.js';

export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';

export interface ClientPropertiesSettings {
  bootstrapServers?: string;
  clientId?: string;
  protocol?: SecurityProtocol;
  sasl?: { mechanism: SaslMechanism; username?: string; password?: string };
  truststore?: StoreSettings;
  keystore?: StoreSettings;
  /** ssl.endpoint.identification.algorithm: 'https' (Kafka's default) checks the broker's name; empty turns that off. */
  verifyHostname?: boolean;
  /** Keys we read but do not act on, in file order: the caller warns about them in one line. */
  unsupported: string[];
}

const PROTOCOLS: readonly SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
const MECHANISMS: Record<string, SaslMechanism> = { PLAIN: 'plain', 'SCRAM-SHA-256': 'scram-sha-256', 'SCRAM-SHA-512': 'scram-sha-512' };
const LOGIN_MODULES: Record<string, 'plain' | 'scram'> = {
  'org.apache.kafka.common.security.plain.PlainLoginModule': 'plain',
  'org.apache.kafka.common.security.scram.ScramLoginModule': 'scram',
};

/** Keys that only tune the Java client's behaviour (timeouts, buffers) and change nothing we need: silently fine. */
const HARMLESS = new Set(['ssl.protocol', 'ssl.enabled.protocols', 'sasl.kerberos.service.name']);

/**
 * sasl.jaas.config, as Kafka's JaasConfig reads it: `LoginModule flag key=value ...;`, values
 * bare or double-quoted (with backslash escapes). Only one login module is allowed in Kafka.
 */
export function parseJaasConfig(text: string): { module: string; options: Map<string, string> } {
  const tokens: string[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|([^\s=;"]+)|(=)|(;))/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = pattern.exec(text)) !== null) {
    if (match[1] !== undefined) tokens.push(`"${match[1].replace(/\\(.)/g, '$1')}`);
    else tokens.push(match[2] ?? match[3] ?? match[4]!);
    end = pattern.lastIndex;
  }
  if (text.slice(end).trim() !== '') {
    throw new KafkaUserError('invalid sasl.jaas.config: expected `LoginModule required username="..." password="...";`');
  }
  const [module, flag, ...rest] = tokens;
  if (!module || !flag || !['required', 'requisite', 'sufficient', 'optional'].includes(flag) || rest.at(-1) !== ';') {
    throw new KafkaUserError('invalid sasl.jaas.config: expected `LoginModule required username="..." password="...";`');
  }
  const options = new Map<string, string>();
  const pairs = rest.slice(0, -1);
  for (let i = 0; i < pairs.length; i += 3) {
    const [key, equals, value] = [pairs[i], pairs[i + 1], pairs[i + 2]];
    if (!key || equals !== '=' || value === undefined || value === ';') {
      throw new KafkaUserError('invalid sasl.jaas.config: options are key=value or key="value", and only one login module is supported');
    }
    options.set(key, value.startsWith('"') ? value.slice(1) : value);
  }
  return { module, options };
}

function storeOf(properties: Map<string, string>, prefix: 'ssl.truststore' | 'ssl.keystore'): StoreSettings | undefined {
  const location = properties.get(`${prefix}.location`);
  // Kafka also takes PEM text inline: ssl.truststore.certificates, ssl.keystore.key + ssl.keystore.certificate.chain.
  const inline =
    prefix === 'ssl.truststore'
      ? properties.get('ssl.truststore.certificates')
      : [properties.get('ssl.keystore.key'), properties.get('ssl.keystore.certificate.chain')].filter(Boolean).join('\n') || undefined;
  if (!location && !inline) return undefined;
  const type = properties.get(`${prefix}.type`)?.toUpperCase();
  if (type !== undefined && !['PEM', 'PKCS12', 'JKS'].includes(type)) {
    throw new KafkaUserError(`unsupported ${prefix}.type '${type}': use PEM or PKCS12`);
  }
  return {
    location,
    pem: inline,
    type: (type ?? (inline ? 'PEM' : undefined)) as StoreSettings['type'],
    password: properties.get(`${prefix}.password`),
    keyPassword: prefix === 'ssl.keystore' ? properties.get('ssl.key.password') : undefined,
    origin: prefix,
  };
}

export function mapClientProperties(properties: Map<string, string>): ClientPropertiesSettings {
  const used = new Set<string>();
  const get = (key: string) => {
    used.add(key);
    const value = properties.get(key)?.trim();
    return value === '' ? undefined : value;
  };

  const protocolText = get('security.protocol')?.toUpperCase();
  if (protocolText !== undefined && !PROTOCOLS.includes(protocolText as SecurityProtocol)) {
    throw new KafkaUserError(`invalid security.protocol '${protocolText}': use one of ${PROTOCOLS.join(', ')}`);
  }
  const protocol = protocolText as SecurityProtocol | undefined;
  const settings: ClientPropertiesSettings = {
    protocol,
    bootstrapServers: get('bootstrap.servers'),
    clientId: get('client.id'),
    unsupported: [],
  };

  const mechanismText = get('sasl.mechanism');
  const jaas = get('sasl.jaas.config');
  if (protocol?.startsWith('SASL_')) {
    // Kafka's default mechanism is GSSAPI (Kerberos), which we do not speak.
    const name = mechanismText?.toUpperCase() ?? 'GSSAPI';
    const mechanism = MECHANISMS[name];
    if (!mechanism) {
      throw new KafkaUserError(
        `sasl.mechanism ${name}${mechanismText ? '' : ' (the default)'} is not supported: use ${Object.keys(MECHANISMS).join(', ')}`,
      );
    }
    settings.sasl = { mechanism };
    if (jaas !== undefined) {
      const { module, options } = parseJaasConfig(jaas);
      const family = LOGIN_MODULES[module];
      if (!family)
        throw new KafkaUserError(`sasl.jaas.config: login module ${module} is not supported: use PlainLoginModule or ScramLoginModule`);
      if ((family === 'plain') !== (mechanism === 'plain')) {
        throw new KafkaUserError(`sasl.jaas.config: ${module.split('.').pop()} does not go with sasl.mechanism ${name}`);
      }
      settings.sasl.username = options.get('username');
      settings.sasl.password = options.get('password');
      const others = [...options.keys()].filter((key) => key !== 'username' && key !== 'password');
      settings.unsupported.push(...others.map((key) => `sasl.jaas.config ${key}`));
    }
  }

  if (protocol === 'SSL' || protocol === 'SASL_SSL' || protocol === undefined) {
    for (const key of properties.keys())
      if (key.startsWith('ssl.truststore') || key.startsWith('ssl.keystore') || key === 'ssl.key.password') used.add(key);
    settings.truststore = storeOf(properties, 'ssl.truststore');
    settings.keystore = storeOf(properties, 'ssl.keystore');
    const algorithm = properties.get('ssl.endpoint.identification.algorithm');
    used.add('ssl.endpoint.identification.algorithm');
    if (algorithm !== undefined) {
      if (algorithm.trim() !== '' && algorithm.trim().toLowerCase() !== 'https') {
        throw new KafkaUserError(`invalid ssl.endpoint.identification.algorithm '${algorithm}': use https or leave it empty`);
      }
      settings.verifyHostname = algorithm.trim() !== '';
    }
  }

  for (const key of properties.keys()) {
    // Keys of the other protocol (sasl.* on SSL, ssl.* on SASL_PLAINTEXT) are ignored by Java too.
    const otherProtocol =
      (key.startsWith('sasl.') && !protocol?.startsWith('SASL_')) || (key.startsWith('ssl.') && protocol?.endsWith('PLAINTEXT'));
    if (!used.has(key) && !HARMLESS.has(key) && !otherProtocol) settings.unsupported.push(key);
  }
  return settings;
}
