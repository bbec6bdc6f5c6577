// Waits until a Kafka cluster really serves requests: every expected broker is
// registered, a controller is known, and a metadata request answers.
// Usage: node scripts/kafka-ready.mjs <bootstrap> <brokers> <timeoutSeconds>
import kafkajs from 'kafkajs';

const [bootstrap, expected, timeoutSeconds] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutSeconds ?? 60) * 1000;
const kafka = new kafkajs.Kafka({
  brokers: bootstrap.split(','),
  clientId: 'kafka-local-ready',
  logLevel: kafkajs.logLevel.NOTHING,
  connectionTimeout: 1000,
  requestTimeout: 3000,
  retry: { retries: 0 },
});

let lastError = 'no answer';
while (Date.now() < deadline) {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.listTopics();
    if (cluster.brokers.length >= Number(expected) && cluster.controller !== null && cluster.controller >= 0) {
      await admin.disconnect();
      process.exit(0);
    }
    lastError = `${cluster.brokers.length}/${expected} brokers registered`;
  } catch (error) {
    lastError = error.message;
  }
  await admin.disconnect().catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, 300));
}
console.error(`kafka-local: not ready: ${lastError}`);
process.exit(1);
