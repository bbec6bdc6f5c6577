// TLS material from the stores a client.properties names (PEM or PKCS12, as Kafka reads them),
// and the one-line words for what goes wrong while securing a connection.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { KafkaUserError } from './errors.js';

export interface StoreSettings {
  location?: string;
  /** PEM text given inline (ssl.truststore.certificates, ssl.keystore.key + certificate.chain). */
  pem?: string;
  /** undefined: told by the bytes (Kafka's default type is JKS, which a PKCS12 file also satisfies in Java). */
  type?: 'PEM' | 'PKCS12' | 'JKS';
  password?: string;
  keyPassword?: string;
  /** The property prefix, to name in messages: ssl.truststore or ssl.keystore. */
  origin: 'ssl.truststore' | 'ssl.keystore';
}

/** What node:tls takes; PKCS12 key stores go in as pfx, trust stores always as PEM text. */
export interface TlsMaterial {
  ca?: string;
  cert?: string;
  key?: string;
  pfx?: Buffer;
  passphrase?: string;
}

const JKS_MAGIC = 0xfeedfeed;
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

function readStore(store: StoreSettings): Buffer {
  if (store.pem !== undefined && store.location === undefined) return Buffer.from(store.pem);
  try {
    return readFileSync(store.location!);
  } catch (error) {
    throw new KafkaUserError(
      `cannot read ${store.origin}.location '${store.location}' (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
}

function typeOf(store: StoreSettings, bytes: Buffer): 'PEM' | 'PKCS12' | 'JKS' {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === JKS_MAGIC) return 'JKS';
  if (store.type === 'PEM' || store.type === 'PKCS12') return store.type;
  return bytes.toString('latin1').includes('-----BEGIN ') ? 'PEM' : 'PKCS12';
}

function refuseJks(store: StoreSettings): never {
  const where = store.location ?? 'store';
  const target = where.replace(/\.(jks|keystore|truststore)$/i, '') + '.p12';
  throw new KafkaUserError(
    `${store.origin} ${where} is a JKS store, which Node cannot read: convert it with ` +
      `keytool -importkeystore -srckeystore ${where} -destkeystore ${target} -deststoretype PKCS12, then set ${store.origin}.type=PKCS12`,
  );
}

function pemBlocks(text: string, kind: 'certificates' | 'key'): string[] {
  return [...text.matchAll(PEM_BLOCK)]
    .filter(([, label]) => (kind === 'key' ? label!.endsWith('PRIVATE KEY') : label === 'CERTIFICATE'))
    .map(([block]) => block);
}

/**
 * The certificates of a PKCS12 trust store as PEM. Node's tls reads PKCS12 only as a key and its
 * chain (pfx), and a Java trust store holds certificates alone; openssl reads it, with the password
 * on its standard input so that it never appears in a process's arguments.
 */
function pkcs12Certificates(store: StoreSettings): string {
  const run = (legacy: boolean) =>
    execFileSync('openssl', ['pkcs12', ...(legacy ? ['-legacy'] : []), '-in', store.location!, '-nokeys', '-passin', 'stdin'], {
      input: `${store.password ?? ''}\n`,
      stdio: ['pipe', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  try {
    return run(false);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KafkaUserError(
        `reading the PKCS12 ${store.origin} needs openssl, which is not installed: give the CA certificates as PEM instead`,
      );
    }
    // Stores made by older tools use RC2 and 3DES, which OpenSSL 3 reads only with -legacy.
    try {
      return run(true);
    } catch {
      const reason = String((error as { stderr?: string }).stderr ?? '')
        .toLowerCase()
        .includes('mac verify')
        ? 'wrong password'
        : 'unreadable';
      throw new KafkaUserError(`cannot read the PKCS12 ${store.origin} ${store.location} (${reason}): check ${store.origin}.password`);
    }
  }
}

export function trustStoreMaterial(store: StoreSettings): string {
  const bytes = readStore(store);
  const type = typeOf(store, bytes);
  if (type === 'JKS') refuseJks(store);
  const text = type === 'PEM' ? bytes.toString('utf8') : pkcs12Certificates(store);
  const certificates = pemBlocks(text, 'certificates');
  if (certificates.length === 0) throw new KafkaUserError(`${store.origin} ${store.location ?? ''} holds no certificate`);
  return certificates.join('\n');
}

export function keyStoreMaterial(store: StoreSettings): TlsMaterial {
  const bytes = readStore(store);
  const type = typeOf(store, bytes);
  if (type === 'JKS') refuseJks(store);
  // In a PKCS12 store Java uses the store password for the key unless ssl.key.password differs; Node takes one passphrase.
  if (type === 'PKCS12') return { pfx: bytes, passphrase: store.keyPassword ?? store.password ?? '' };
  const text = bytes.toString('utf8');
  const [key] = pemBlocks(text, 'key');
  const chain = pemBlocks(text, 'certificates');
  if (!key || chain.length === 0) {
    throw new KafkaUserError(`${store.origin} ${store.location ?? ''} needs a private key and its certificate (PEM), in that order`);
  }
  return { key, cert: chain.join('\n'), passphrase: store.keyPassword };
}

interface ErrorChain {
  name?: string;
  type?: string;
  message?: string;
  originalError?: unknown;
  cause?: unknown;
  errors?: unknown[];
}

function findInChain(error: unknown, match: (e: ErrorChain) => boolean): ErrorChain | undefined {
  let current = error as ErrorChain | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    if (match(current)) return current;
    current = (current.originalError ?? current.cause ?? current.errors?.[0]) as ErrorChain | undefined;
  }
  return undefined;
}

/**
 * The mechanisms a broker enables, from a SaslHandshake v1 of our own: kafkajs drops the list the
 * broker sends with UNSUPPORTED_SASL_MECHANISM. Undefined when the broker cannot be asked.
 */
export function enabledMechanisms(
  address: string,
  tlsOptions: tls.ConnectionOptions | undefined,
  timeoutMs: number,
): Promise<string[] | undefined> {
  const [host, port] = [
    address.slice(0, address.lastIndexOf(':')).replace(/^\[|\]$/g, ''),
    Number(address.slice(address.lastIndexOf(':') + 1)),
  ];
  const clientId = Buffer.from('kafka-tui');
  const mechanism = Buffer.from('?');
  const request = Buffer.alloc(4 + 2 + 2 + 4 + 2 + clientId.length + 2 + mechanism.length);
  let at = request.writeInt32BE(request.length - 4, 0);
  at = request.writeInt16BE(17, at); // SaslHandshake
  at = request.writeInt16BE(1, at);
  at = request.writeInt32BE(1, at); // correlation id
  at = request.writeInt16BE(clientId.length, at);
  at += clientId.copy(request, at);
  at = request.writeInt16BE(mechanism.length, at);
  mechanism.copy(request, at);
  return new Promise((resolve) => {
    const socket = tlsOptions
      ? tls.connect({ host, port, ...(net.isIP(host) ? {} : { servername: host }), ...tlsOptions }, () => socket.write(request))
      : net.connect({ host, port }, () => socket.write(request));
    const done = (result: string[] | undefined) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(undefined));
    socket.on('error', () => done(undefined));
    let received = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      // size, correlation id, error code, then the array of mechanism names.
      let offset = 4 + 4 + 2;
      const count = received.readInt32BE(offset);
      offset += 4;
      const names: string[] = [];
      for (let i = 0; i < count; i++) {
        const length = received.readInt16BE(offset);
        names.push(received.toString('utf8', offset + 2, offset + 2 + length));
        offset += 2 + length;
      }
      done(names);
    });
  });
}

/**
 * One line for a failed SASL authentication, naming the user and the mechanism (never the password),
 * or undefined when the error is something else.
 */
export async function explainSaslFailure(
  error: unknown,
  sasl: { mechanism: string; username: string } | undefined,
  askBroker: () => Promise<string[] | undefined>,
): Promise<KafkaUserError | undefined> {
  if (!sasl) return undefined;
  const mechanism = sasl.mechanism.toUpperCase();
  const unsupported = findInChain(
    error,
    (e) => e.type === 'UNSUPPORTED_SASL_MECHANISM' || /mechanism is not supported by the server/.test(e.message ?? ''),
  );
  if (unsupported) {
    const enabled = await askBroker();
    return new KafkaUserError(
      `the broker does not enable SASL mechanism ${mechanism}${enabled ? `: it enables ${enabled.length > 0 ? enabled.join(', ') : 'none'}` : ''}`,
    );
  }
  const failed = findInChain(error, (e) => e.name === 'KafkaJSSASLAuthenticationError' || e.type === 'SASL_AUTHENTICATION_FAILED');
  if (!failed) return undefined;
  const said = (failed.message ?? '').replace(/^SASL [\w -]+ (authentication )?failed: /, '');
  const why = /invalid credentials|invalid username or password/i.test(said) ? 'invalid username or password' : said;
  return new KafkaUserError(`SASL authentication failed for user '${sasl.username}' with ${mechanism}: ${why}`);
}
