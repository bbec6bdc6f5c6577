// The SASL failures in one line: the enabled mechanisms asked of a broker (here a one-request fake
// speaking SaslHandshake v1), and the words for a refused login.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { enabledMechanisms, explainSaslFailure } from '../../../source/kafka/security.js';

/** Answers one SaslHandshake with UNSUPPORTED_SASL_MECHANISM (33) and the given list. */
function fakeBroker(mechanisms: string[]): Promise<{ address: string; requests: Buffer[]; close: () => void }> {
  const requests: Buffer[] = [];
  const server = net.createServer((socket) => {
    socket.once('data', (request: Buffer) => {
      requests.push(request);
      const names = mechanisms.map((m) => Buffer.concat([Buffer.from([0, m.length]), Buffer.from(m)]));
      const body = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 33]), Buffer.from([0, 0, 0, mechanisms.length]), ...names]);
      const size = Buffer.alloc(4);
      size.writeInt32BE(body.length);
      socket.end(Buffer.concat([size, body]));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`, requests, close: () => server.close() }),
    ),
  );
}

describe('SASL failures', () => {
  const servers: Array<() => void> = [];
  afterAll(() => servers.forEach((close) => close()));

  it('lists the mechanisms a broker enables when ours is not among them', async () => {
    const broker = await fakeBroker(['SCRAM-SHA-512', 'OAUTHBEARER']);
    servers.push(broker.close);
    expect(await enabledMechanisms(broker.address, undefined, 2_000)).toEqual(['SCRAM-SHA-512', 'OAUTHBEARER']);
    // api key 17 (SaslHandshake), version 1
    expect(broker.requests[0]!.readInt16BE(4)).toBe(17);
    expect(broker.requests[0]!.readInt16BE(6)).toBe(1);

    const kafkajsError = {
      name: 'KafkaJSProtocolError',
      type: 'UNSUPPORTED_SASL_MECHANISM',
      message: 'The broker does not support the requested SASL mechanism',
    };
    const explained = await explainSaslFailure(
      { name: 'KafkaJSNonRetriableError', originalError: kafkajsError },
      { mechanism: 'plain', username: 'alice' },
      () => enabledMechanisms(broker.address, undefined, 2_000),
    );
    expect(explained?.message).toBe('the broker does not enable SASL mechanism PLAIN: it enables SCRAM-SHA-512, OAUTHBEARER');
  });

  it('says nothing about the list when the broker cannot be asked', async () => {
    const explained = await explainSaslFailure(
      { type: 'UNSUPPORTED_SASL_MECHANISM' },
      { mechanism: 'scram-sha-256', username: 'a' },
      async () => undefined,
    );
    expect(explained?.message).toBe('the broker does not enable SASL mechanism SCRAM-SHA-256');
  });

  it('names the user and the mechanism of a refused login, never the password', async () => {
    const error = {
      name: 'KafkaJSSASLAuthenticationError',
      message:
        'SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512',
    };
    const explained = await explainSaslFailure(error, { mechanism: 'scram-sha-512', username: 'alice' }, async () => undefined);
    expect(explained?.message).toBe("SASL authentication failed for user 'alice' with SCRAM-SHA-512: invalid username or password");
    expect(await explainSaslFailure(new Error('other'), { mechanism: 'plain', username: 'a' }, async () => undefined)).toBeUndefined();
    expect(await explainSaslFailure(error, undefined, async () => undefined)).toBeUndefined();
  });
});
