// TLS material from the stores a client.properties names (PEM or PKCS12, as Kafka reads them),
// and the one-line words for what goes wrong while securing a connection.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
