// The one version check before any request we encode ourselves.
import { describe, expect, it } from 'vitest';
import type { BrokerClient, WireRequest } from '../../../../source/kafka/cluster-client.js';
import { FETCH_V11, PRODUCE_V8, sendRequest } from '../../../../source/kafka/protocol/send-request.js';

function broker(min: number, max: number) {
  const sent: Array<WireRequest<unknown>> = [];
  const client = {
    versions: (apiKey: number) => (apiKey === FETCH_V11.key ? { minVersion: min, maxVersion: max } : undefined),
    send: async <T>(request: WireRequest<T>) => {
      sent.push(request);
      return request.decode(Buffer.from([42]));
    },
  } as unknown as BrokerClient;
  return { client, sent };
}

describe('sendRequest', () => {
  it('sends the body with the API key, version and timeout, and decodes the answer', async () => {
    const { client, sent } = broker(4, 17);
    const result = await sendRequest(client, FETCH_V11, Buffer.from([1, 2]), (payload) => payload[0], { timeoutMs: 900 });
    expect(result).toBe(42);
    expect(sent).toMatchObject([
      { apiKey: 1, apiName: 'Fetch', apiVersion: 11, body: Buffer.from([1, 2]), expectResponse: true, timeoutMs: 900 },
    ]);
  });

  it.each([
    [4, 10, 'the broker does not support Fetch v11 (Kafka 2.3 or newer is needed)'],
    [12, 17, 'the broker does not support Fetch v11 (Kafka 2.3 or newer is needed)'],
  ])('refuses a broker whose versions are %i-%i', async (min, max, message) => {
    const { client, sent } = broker(min, max);
    await expect(sendRequest(client, FETCH_V11, Buffer.alloc(0), () => 0, { timeoutMs: 1 })).rejects.toThrow(message);
    expect(sent).toEqual([]);
  });

  it('refuses an API the broker did not list', async () => {
    const { client } = broker(0, 20);
    await expect(sendRequest(client, PRODUCE_V8, Buffer.alloc(0), () => 0, { timeoutMs: 1 })).rejects.toThrow(
      'the broker does not support Produce v8 (Kafka 2.4 or newer is needed)',
    );
  });
});
