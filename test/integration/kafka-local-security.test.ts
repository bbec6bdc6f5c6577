// scripts/kafka-local's secured modes, checked with Kafka's own tools from the same jars: the
// client.properties it prints work unchanged, the users and mechanisms authenticate, a wrong
// password does not, and alice's ACLs let her use team-* and nothing else.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueTopic } from '../helpers/cli.js';
import { kafkaTool } from '../helpers/java-tools.js';
import { clientProperties, startCluster, stopCluster } from '../helpers/kafka-local.js';
import { bootstrapOf, securedCluster } from '../helpers/ports.js';

const TOPICS = 'org.apache.kafka.tools.TopicCommand';
const PRODUCER = 'org.apache.kafka.tools.ConsoleProducer';
const CONSUMER = 'org.apache.kafka.tools.consumer.ConsoleConsumer';

describe.each([
  { spec: securedCluster('sasl_ssl', 300), mechanisms: ['SCRAM-SHA-512', 'SCRAM-SHA-256', 'PLAIN'] },
  { spec: securedCluster('mtls', 400), mechanisms: ['client certificate'] },
])('kafka-local --security $spec.security', ({ spec, mechanisms }) => {
  const bootstrap = bootstrapOf(spec);
  const teamTopic = uniqueTopic('team-orders');
  const privateTopic = uniqueTopic('payroll');

  beforeAll(async () => {
    await startCluster(spec);
  });
  afterAll(async () => {
    await stopCluster(spec);
  });

  const topics = async (config: string, ...args: string[]) =>
    kafkaTool(spec, TOPICS, ['--bootstrap-server', bootstrap, '--command-config', config, ...args]);

  it('admin creates topics and alice sees only team- ones', async () => {
    const admin = await clientProperties(spec, 'admin');
    expect((await topics(admin, '--create', '--topic', teamTopic, '--partitions', '2')).stdout).toContain(`Created topic ${teamTopic}.`);
    expect((await topics(admin, '--create', '--topic', privateTopic)).stdout).toContain(`Created topic ${privateTopic}.`);

    const alice = await clientProperties(spec, 'alice');
    const listed = (await topics(alice, '--list')).stdout.split('\n');
    expect(listed).toContain(teamTopic);
    expect(listed).not.toContain(privateTopic);
    // The files hold a secret: only their owner may read them.
    expect(statSync(alice).mode & 0o077).toBe(0);
  });

  it.each(mechanisms)('alice creates, produces and consumes a team- topic (%s)', async (mechanism) => {
    const alice = await clientProperties(spec, 'alice', spec.security === 'mtls' ? undefined : mechanism);
    const topic = uniqueTopic('team-own');
    expect((await topics(alice, '--create', '--topic', topic)).stdout).toContain(`Created topic ${topic}.`);
    const lines = [`${topic}-1`, `${topic}-2`];
    const produced = await kafkaTool(spec, PRODUCER, ['--bootstrap-server', bootstrap, '--command-config', alice, '--topic', topic], {
      input: `${lines.join('\n')}\n`,
    });
    expect(produced.code, produced.stderr).toBe(0);
    const consumed = await kafkaTool(spec, CONSUMER, [
      '--bootstrap-server',
      bootstrap,
      '--command-config',
      alice,
      '--topic',
      topic,
      '--group',
      uniqueTopic('team-g'),
      '--from-beginning',
      '--max-messages',
      '2',
      '--timeout-ms',
      '30000',
    ]);
    expect(consumed.stdout.split('\n').slice(0, 2)).toEqual(lines);
  });

  it('denies alice a topic outside team-', async () => {
    const alice = await clientProperties(spec, 'alice');
    // A team- group, so that the topic is the only thing she lacks.
    const denied = await kafkaTool(spec, CONSUMER, [
      '--bootstrap-server',
      bootstrap,
      '--command-config',
      alice,
      '--topic',
      privateTopic,
      '--group',
      uniqueTopic('team-g'),
      '--from-beginning',
      '--timeout-ms',
      '5000',
    ]);
    // Kafka's tools log their errors to stdout.
    expect(denied.stdout + denied.stderr).toContain(`Topic authorization failed for topics [${privateTopic}]`);
  });

  it('refuses a wrong password or a missing client certificate', async () => {
    const good = readFileSync(await clientProperties(spec, 'alice'), 'utf8');
    const bad = `${await clientProperties(spec, 'alice')}.bad`;
    writeFileSync(
      bad,
      spec.security === 'mtls'
        ? good.replace(/^ssl\.keystore\..*$/gm, '') // no certificate: the broker requires one
        : good.replace(/password="[^"]*"/, 'password="not-the-password"'),
      { mode: 0o600 },
    );
    const listed = await topics(bad, '--list');
    expect(listed.code).not.toBe(0);
    expect(listed.stdout + listed.stderr).toMatch(
      spec.security === 'mtls' ? /SSL handshake failed|post-handshake/ : /Authentication failed/,
    );
  });
});
