#!/usr/bin/env node
// Captures one real Fetch v11 response body, sent through our own fetch code (dist/), and what
// Kafka's ConsoleConsumer shows read_committed for the same offsets, as a TypeScript fixture.
//
//   npm run build
//   node scripts/capture-fetch-response.mjs BOOTSTRAP TOPIC PARTITION OFFSET MAX_BYTES > test/fixtures/NAME.ts
//
// Needs a running cluster (scripts/kafka-local) and its jars (for ConsoleConsumer).
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { ConnectionManager } = await import(resolve(repo, 'dist/kafka/connection.js'));
const { requestFetch } = await import(resolve(repo, 'dist/kafka/protocol/fetch.js'));
const { fetchTopic } = await import(resolve(repo, 'dist/kafka/metadata.js'));

const [bootstrap, topic, partitionArg, offsetArg, maxBytesArg] = process.argv.slice(2);
if (!maxBytesArg) {
  console.error('usage: capture-fetch-response.mjs BOOTSTRAP TOPIC PARTITION OFFSET MAX_BYTES');
  process.exit(2);
}
const partition = Number(partitionArg);
const offset = Number(offsetArg);
const maxBytes = Number(maxBytesArg);

const connection = new ConnectionManager({
  brokers: bootstrap.split(','),
  clientId: 'capture-fetch-response',
  connectionTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
});
let payload;
let fetched;
try {
  const info = await fetchTopic(connection.cluster, topic);
  const leader = info.partitions.find((p) => p.partition === partition).leader;
  const broker = await connection.cluster.broker(leader);
  // The broker as our fetch code sees it, except that the response body is kept on its way to the decoder.
  const capturing = {
    versions: (apiKey) => broker.versions(apiKey),
    send: (request) =>
      broker.send({
        ...request,
        decode: (body) => {
          payload = Buffer.from(body);
          return request.decode(body);
        },
      }),
  };
  [fetched] = await requestFetch(
    capturing,
    { topic, partitions: [{ partition, offset, maxBytes }], maxWaitMs: 0, minBytes: 1, maxBytes, readCommitted: true },
    30_000,
  );
} finally {
  await connection.shutdown();
}

// What the Java consumer shows for the offsets this response covers.
const classpath = execFileSync(resolve(repo, 'scripts/kafka-local'), ['classpath'], { encoding: 'utf8' }).trim();
const java = execFileSync(
  'java',
  [
    '-Dorg.apache.logging.log4j.level=OFF',
    '-cp',
    classpath,
    'org.apache.kafka.tools.consumer.ConsoleConsumer',
    '--bootstrap-server',
    bootstrap,
    '--topic',
    topic,
    '--partition',
    String(partition),
    '--offset',
    String(offset),
    '--isolation-level',
    'read_committed',
    '--formatter-property',
    'print.offset=true',
    '--timeout-ms',
    '5000',
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
);
const expected = java
  .split('\n')
  .map((line) => /^Offset:(\d+)\t(.*)$/.exec(line))
  .filter((match) => match && Number(match[1]) < fetched.nextOffset)
  .map((match) => [Number(match[1]), match[2]]);

process.stdout.write(`// A real Fetch v11 response body: Kafka ${process.env.KAFKA_VERSION ?? '4.3.1'}, captured by
//   node scripts/capture-fetch-response.mjs ${bootstrap} ${topic} ${partition} ${offset} ${maxBytes}
// and what ConsoleConsumer --isolation-level read_committed printed for the offsets it covers.
export const topic = ${JSON.stringify(topic)};
export const partition = ${partition};
export const fetchedFrom = ${offset};
export const nextOffset = ${fetched.nextOffset};
export const payload = Buffer.from(
${(payload.toString('base64').match(/.{1,100}/g) ?? []).map((line) => `  '${line}'`).join(' +\n')},
  'base64',
);
/** [offset, value] as ConsoleConsumer showed them. */
export const javaReadCommitted: Array<[number, string]> = ${JSON.stringify(expected)};
`);
