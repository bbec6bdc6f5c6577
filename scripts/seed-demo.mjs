// Demo topics for `npm start`, created once: keyed JSON orders, payments with headers,
// and a text topic with a message carrying escape sequences, to show they are displayed safely.
import { ConnectionManager } from '../dist/kafka/connection.js';
import { MessageWriter } from '../dist/kafka/producer.js';
import { createTopic, listTopics } from '../dist/kafka/topics.js';

export const DEMO_TOPICS = [
  { topic: 'demo.orders', partitions: 3 },
  { topic: 'demo.payments', partitions: 2 },
  { topic: 'demo.text', partitions: 1 },
];

function messagesFor(topic) {
  if (topic === 'demo.orders') {
    return Array.from({ length: 120 }, (_, i) => ({
      key: `customer-${i % 12}`,
      value: JSON.stringify({ orderId: 1000 + i, items: (i % 4) + 1, total: Math.round(((i * 7.31) % 250) * 100) / 100 }),
    }));
  }
  if (topic === 'demo.payments') {
    return Array.from({ length: 40 }, (_, i) => ({
      key: `order-${1000 + i}`,
      value: JSON.stringify({ amount: (i * 3.5).toFixed(2), currency: i % 3 ? 'EUR' : 'USD' }),
      headers: { source: 'demo', attempt: String((i % 2) + 1) },
    }));
  }
  return [
    { value: 'hello from kafka-tui' },
    { value: 'a line with a tab\tand a bell\u0007' },
    { value: 'escape sequences shown, not obeyed: \u001b]0;pwned\u0007 \u001b[2J' },
  ];
}

export async function seedDemoTopics(bootstrap) {
  const connection = new ConnectionManager({
    brokers: bootstrap.split(','),
    clientId: 'kafka-tui-demo',
    connectionTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
  });
  try {
    const existing = new Set((await listTopics(connection.cluster)).map((t) => t.name));
    const missing = DEMO_TOPICS.filter((d) => !existing.has(d.topic));
    if (missing.length === 0) return;
    for (const { topic, partitions } of missing) {
      await createTopic(connection, { topic, partitions, replicationFactor: 1, configs: [] });
      const writer = new MessageWriter(connection.cluster, { topic, acks: 'all', compression: 'none' }, {});
      await writer.open();
      for (const [source, { key, value, headers }] of messagesFor(topic).entries()) {
        await writer.write({
          key: key === undefined ? null : Buffer.from(key),
          value: Buffer.from(value),
          headers: Object.entries(headers ?? {}).map(([k, v]) => [k, Buffer.from(v)]),
          source,
        });
      }
      const { failed } = await writer.close();
      if (failed > 0) throw new Error(`${failed} demo messages to ${topic} failed`);
    }
    console.error(`kafka-tui: seeded ${missing.map((d) => d.topic).join(', ')}`);
  } finally {
    await connection.shutdown();
  }
}
