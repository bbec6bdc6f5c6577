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

/** kafkajs's own keep-alive for its sockets. */
const KEEP_ALIVE_MS = 60_000;

/** The latest outcome at one address: undefined for a socket that connected. */
type Outcome = { address: string; code: string | undefined };

/** host:port as kafkajs splits a bootstrap entry, so both sides name an address the same way. */
export function addressOf(entry: string): string {
  const [host, port] = entry.split(':');
  return `${host}:${Number(port)}`;
}

/** "a:1, b:2: connection refused; c:3: host not found", one reason per group of addresses. */
export function hopelessMessage(codes: ReadonlyMap<string, string>): string {
  const byReason = new Map<string, string[]>();
  for (const [address, code] of codes) {
    const reason = `${HOPELESS[code] ?? code} (${code})`;
    byReason.set(reason, [...(byReason.get(reason) ?? []), address]);
  }
  const parts = [...byReason].map(([reason, addresses]) => `${addresses.join(', ')}: ${reason}`);
  return `cannot connect to ${parts.join('; ')}`;
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
    const report = (code: string | undefined) => {
      socket.off('connect', connected);
      socket.off('error', failed);
      for (const listener of this.listeners) listener({ address, code });
    };
    const connected = () => report(undefined);
    const failed = (error: NodeJS.ErrnoException) => report(error.code ?? 'ERROR');
    socket.once('connect', connected);
    socket.once('error', failed);
    return socket;
  };

  /**
   * Rejects once every bootstrap address has, since this call, last failed with a hopeless
   * code. Never resolves; call the returned stop() when the connect is over either way.
   */
  hopeless(): { failed: Promise<never>; stop: () => void } {
    const latest = new Map<string, string | undefined>();
    let listener: ((outcome: Outcome) => void) | undefined;
    const failed = new Promise<never>((_, reject) => {
      listener = ({ address, code }) => {
        if (!this.bootstrap.includes(address)) return;
        latest.set(address, code);
        const codes = new Map<string, string>();
        for (const entry of this.bootstrap) {
          const last = latest.get(entry);
          if (last === undefined || !(last in HOPELESS)) return;
          codes.set(entry, last);
        }
        reject(new KafkaUserError(hopelessMessage(codes)));
      };
      this.listeners.add(listener);
    });
    failed.catch(() => {});
    return { failed, stop: () => listener && this.listeners.delete(listener) };
  }
}
