// Watches the sockets kafkajs opens so that a connect can fail as soon as every bootstrap server
// has refused or does not resolve. Those failures are not transient: waiting out the connect
// timeout only hides them. A server that accepts and stays silent still gets the whole timeout.
import net from 'node:net';
import tls from 'node:tls';
import type { ISocketFactory } from 'kafkajs';
import { KafkaUserError } from './errors.js';

/** Socket error codes that mean "nobody will answer at this address", with the words we show. */
const HOPELESS: Record<string, string> = {
  ENOTFOUND: 'host not found',
  ECONNREFUSED: 'connection refused',
};

/**
 * TLS failures that no retry mends: the broker's certificate is not trusted, names another host,
 * or the two sides do not speak the same protocol. Node's codes for them, checked by prefix.
 */
const TLS_HOPELESS = /^(ERR_TLS_CERT_ALTNAME_INVALID|ERR_SSL_|UNABLE_TO_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_|ERR_TLS_)/;

/** Our code for a plaintext socket that got a TLS alert back: the listener speaks TLS. */
export const TLS_LISTENER = 'TLS_LISTENER';
/** Our code for a TLS socket closed by the peer during the handshake. */
const TLS_HANDSHAKE_CLOSED = 'TLS_HANDSHAKE_CLOSED';

const isHopeless = (code: string) => code in HOPELESS || code === TLS_LISTENER || code === TLS_HANDSHAKE_CLOSED || TLS_HOPELESS.test(code);

/** kafkajs's own keep-alive for its sockets. */
const KEEP_ALIVE_MS = 60_000;

/** The latest outcome at one address: undefined for a socket that connected. */
type Outcome = { address: string; code: string | undefined; message?: string };

/** host:port as kafkajs splits a bootstrap entry, so both sides name an address the same way. */
export function addressOf(entry: string): string {
  const [host, port] = entry.split(':');
  return `${host}:${Number(port)}`;
}

/** "a:1, b:2: connection refused; c:3: host not found", one reason per group of addresses. */
export function hopelessMessage(codes: ReadonlyMap<string, string>, messages: ReadonlyMap<string, string> = new Map()): string {
  const byReason = new Map<string, string[]>();
  for (const [address, code] of codes) {
    const reason = reasonOf(code, messages.get(address));
    byReason.set(reason, [...(byReason.get(reason) ?? []), address]);
  }
  const parts = [...byReason].map(([reason, addresses]) => `${addresses.join(', ')}: ${reason}`);
  return `cannot connect to ${parts.join('; ')}`;
}

function reasonOf(code: string, message: string | undefined): string {
  if (code in HOPELESS) return `${HOPELESS[code]} (${code})`;
  if (code === TLS_LISTENER) {
    return 'the broker answered in TLS: it is a TLS listener (use --tls, or security.protocol=SSL or SASL_SSL in --command-config)';
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `TLS hostname mismatch: ${message ?? code}`;
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG' || code === TLS_HANDSHAKE_CLOSED) {
    return `TLS handshake failed (${code}): the port may not speak TLS (leave out --tls, or use security.protocol=PLAINTEXT or SASL_PLAINTEXT)`;
  }
  if (/CERTIFICATE_REQUIRED|ALERT_BAD_CERTIFICATE|ALERT_UNKNOWN_CA/.test(code)) {
    return `TLS: the broker refused our client certificate (${code}): give one it trusts (--tls-cert/--tls-key or ssl.keystore.*)`;
  }
  return `TLS certificate verification failed: ${message ?? code} (${code})`;
}

export class BootstrapWatch {
  private readonly bootstrap: string[];
  private readonly listeners = new Set<(outcome: Outcome) => void>();

  constructor(brokers: readonly string[]) {
    this.bootstrap = [...new Set(brokers.map(addressOf))];
  }

  /** kafkajs's default socket factory, plus a report of how each socket's connect ended. */
  readonly socketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
    const socket = ssl
      ? tls.connect({ host, port, ...(net.isIP(host) ? {} : { servername: host }), ...ssl }, onConnect)
      : net.connect({ host, port }, onConnect);
    socket.setKeepAlive(true, KEEP_ALIVE_MS);
    const address = `${host}:${port}`;
    const report = (outcome: Omit<Outcome, 'address'>) => {
      socket.off(ssl ? 'data' : 'connect', succeeded);
      socket.off('error', failed);
      for (const listener of this.listeners) listener({ address, ...outcome });
    };
    // Over TLS the first bytes back are the proof: a broker that refuses our client certificate
    // says so (TLS 1.3) only after our side has finished its handshake.
    const succeeded = () => report({ code: undefined });
    const failed = (error: NodeJS.ErrnoException) => {
      // A peer that hangs up on our TLS hello is not speaking TLS (Kafka drops what it cannot read as a request).
      const code =
        ssl && error.code === 'ECONNRESET' && /before secure TLS connection/.test(error.message) ? TLS_HANDSHAKE_CLOSED : error.code;
      report({ code: code ?? 'ERROR', message: error.message });
    };
    socket.once(ssl ? 'data' : 'connect', succeeded);
    socket.once('error', failed);
    if (!ssl) {
      // A TLS listener answers our plaintext request with a TLS alert record (content type 21, version 3.x).
      socket.once('data', (data: Buffer) => {
        if (data[0] === 0x15 && data[1] === 0x03) report({ code: TLS_LISTENER });
      });
    }
    return socket;
  };

  /**
   * Rejects once every bootstrap address has, since this call, last failed with a hopeless
   * code. Never resolves; call the returned stop() when the connect is over either way.
   */
  hopeless(): { failed: Promise<never>; stop: () => void } {
    const latest = new Map<string, string | undefined>();
    const messages = new Map<string, string>();
    let listener: ((outcome: Outcome) => void) | undefined;
    const failed = new Promise<never>((_, reject) => {
      listener = ({ address, code, message }) => {
        if (!this.bootstrap.includes(address)) return;
        latest.set(address, code);
        if (message) messages.set(address, message);
        const codes = new Map<string, string>();
        for (const entry of this.bootstrap) {
          const last = latest.get(entry);
          if (last === undefined || !isHopeless(last)) return;
          codes.set(entry, last);
        }
        reject(new KafkaUserError(hopelessMessage(codes, messages)));
      };
      this.listeners.add(listener);
    });
    failed.catch(() => {});
    return { failed, stop: () => listener && this.listeners.delete(listener) };
  }
}
