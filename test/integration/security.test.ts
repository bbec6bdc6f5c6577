// kafka-tui against secured brokers (scripts/kafka-local --security), one 1-node cluster per mode,
// all started at once and shared by that mode's tests. Every mode × mechanism lists, describes,
// produces with acks=all and consumes (group-free and with --group) through our CLI with the same
// client.properties that Kafka's own ConsoleConsumer then reads the topic with. Then alice's ACL
// view, each bad-credential case, and a grep of every output for the passwords.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueTopic, type CliResult } from '../helpers/cli.js';
import { consoleConsumer, kafkaClasspath } from '../helpers/java-tools.js';
import { clientProperties, startCluster, stopCluster } from '../helpers/kafka-local.js';
import { bootstrapOf, securedCluster, type ClusterSpec } from '../helpers/ports.js';

const CLUSTERS = {
  sasl_plaintext: securedCluster('sasl_plaintext', 500),
  ssl: securedCluster('ssl', 600),
  sasl_ssl: securedCluster('sasl_ssl', 300),
  mtls: securedCluster('mtls', 400),
} satisfies Record<string, ClusterSpec>;
type Mode = keyof typeof CLUSTERS;

const MATRIX: Array<{ mode: Mode; mechanism?: string }> = [
  { mode: 'sasl_plaintext', mechanism: 'PLAIN' },
  { mode: 'sasl_plaintext', mechanism: 'SCRAM-SHA-256' },
  { mode: 'sasl_plaintext', mechanism: 'SCRAM-SHA-512' },
  { mode: 'ssl' },
  { mode: 'sasl_ssl', mechanism: 'SCRAM-SHA-512' },
  { mode: 'mtls' },
];

/** Every result of this file, for the final grep for secrets; and a log file shared by all runs. */
const outputs: CliResult[] = [];
let logFile = '';
let classpath = '';

async function cli(mode: Mode, args: string[], input?: string): Promise<CliResult> {
  const result = await runCli([...args, '-b', bootstrapOf(CLUSTERS[mode]), '--log-file', logFile, '--connect-timeout', '20s'], {
    input,
  });
  outputs.push(result);
  return result;
}

const lines = (text: string) => text.split('\n').filter(Boolean);
const passwordOf = (mode: Mode, user: string) => readFileSync(join(CLUSTERS[mode].dir, 'security', `${user}.password`), 'utf8').trim();
const properties = (mode: Mode, user: 'admin' | 'alice', mechanism?: string) =>
  clientProperties(CLUSTERS[mode], user, mechanism ?? 'SCRAM-SHA-512');

// Four JVMs starting at once (each also runs Kafka's AclCommand) take longer than the usual hook allows on a busy machine.
const START_TIMEOUT_MS = 420_000;

beforeAll(async () => {
  const specs = Object.values(CLUSTERS);
  await Promise.all(specs.map((spec) => startCluster(spec)));
  logFile = join(CLUSTERS.sasl_ssl.dir, `kafka-tui-${process.pid}.log`);
  classpath = await kafkaClasspath(CLUSTERS.sasl_ssl);
}, START_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all(Object.values(CLUSTERS).map((spec) => stopCluster(spec)));
});

describe.each(MATRIX)('$mode $mechanism', ({ mode, mechanism }) => {
  it('lists, describes, produces with acks=all and consumes with and without a group; ConsoleConsumer reads the same file', async () => {
    const file = await properties(mode, 'alice', mechanism);
    const topic = uniqueTopic('team-matrix');
    const values = ['one', 'two', 'three'];

    const created = await cli(mode, ['topics', 'create', topic, '--partitions', '2', '--command-config', file]);
    expect(created.stderr).toBe(`Created topic ${topic}.\n`);
    const produced = await cli(mode, ['produce', '-t', topic, '--acks', 'all', '--producer.config', file], `${values.join('\n')}\n`);
    expect(produced.code, produced.stderr).toBe(0);
    expect(produced.stderr).toMatch(/^kafka-tui: sent 3, failed 0 to /);

    const listed = await cli(mode, ['topics', '--command-config', file]);
    expect(lines(listed.stdout)).toContain(topic);
    const described = await cli(mode, ['describe', '-t', topic, '--command-config', file]);
    expect(described.code, described.stderr).toBe(0);
    expect(described.stdout).toMatch(new RegExp(`^Topic: ${topic}\\tTopicId: \\S+\\tPartitionCount: 2\\tReplicationFactor: 1`));

    const direct = await cli(mode, ['consume', '-t', topic, '--from-beginning', '-e', '--consumer.config', file]);
    expect(lines(direct.stdout).sort()).toEqual([...values].sort());
    const grouped = await cli(mode, [
      'consume',
      '-t',
      topic,
      '--group',
      uniqueTopic('team-g'),
      '--from-beginning',
      '-e',
      '--consumer.config',
      file,
    ]);
    expect(grouped.code, grouped.stderr).toBe(0);
    expect(lines(grouped.stdout).sort()).toEqual([...values].sort());

    const java = await consoleConsumer(CLUSTERS[mode], classpath, topic, 3, [
      // Kafka 4 deprecates --consumer.config for --command-config (and warns on stdout): the same file either way.
      '--command-config',
      file,
      '--group',
      uniqueTopic('team-java'),
    ]);
    expect(lines(java).sort()).toEqual([...values].sort());
  }, 180_000);
});

describe.each(['sasl_plaintext', 'sasl_ssl', 'mtls'] as const)("alice's ACL view over %s", (mode) => {
  it('lists only team- topics; a named other topic is not authorized and the rest keep working', async () => {
    const admin = await properties(mode, 'admin');
    const alice = await properties(mode, 'alice');
    const team = uniqueTopic('team-acl');
    const payroll = uniqueTopic('payroll');
    for (const topic of [team, payroll]) {
      expect((await cli(mode, ['topics', 'create', topic, '--command-config', admin])).code).toBe(0);
    }
    const listed = lines((await cli(mode, ['topics', '--command-config', alice])).stdout);
    expect(listed).toContain(team);
    expect(listed).not.toContain(payroll);

    const described = await cli(mode, ['describe', '-t', payroll, '-t', team, '--command-config', alice]);
    expect(described.code, described.stderr).toBe(0);
    const [deniedLine, teamLine] = lines(described.stdout);
    expect(deniedLine).toBe(`Topic: ${payroll}\tnot authorized`);
    // alice may describe team- topics but not their configs (no DescribeConfigs ACL).
    expect(teamLine).toMatch(new RegExp(`^Topic: ${team}\\t.*\\tConfigs: \\(not authorized\\)$`));
    const json = JSON.parse((await cli(mode, ['describe', '-t', payroll, '--json', '--command-config', alice])).stdout);
    expect(json.topics).toEqual([{ name: payroll, error: 'not authorized' }]);

    const consumed = await cli(mode, ['consume', '-t', payroll, '--from-beginning', '-e', '--command-config', alice]);
    expect([consumed.code, consumed.stderr]).toEqual([1, `kafka-tui: not authorized to consume topic ${payroll}\n`]);
    const produced = await cli(mode, ['produce', '-t', payroll, '--command-config', alice], 'x\n');
    expect(produced.code).toBe(1);
    expect(produced.stderr).toContain(`not authorized to produce to topic ${payroll}`);
    const group = uniqueTopic('other-group');
    const grouped = await cli(mode, ['consume', '-t', team, '--group', group, '-e', '--command-config', alice]);
    expect(grouped.code).toBe(1);
    // One line naming the group: -e asks for its offsets first (our OffsetFetch), a follow joins it (kafkajs).
    expect(lines(grouped.stderr)).toEqual([expect.stringMatching(new RegExp(`group '?${group}'?: not authorized`))]);
  }, 180_000);
});

describe('bad credentials and mismatched protocols: one line, no retry storm', () => {
  const expectOneLine = (result: CliResult, text: string | RegExp) => {
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/timed out|\n\s+at /);
    if (typeof text === 'string') expect(result.stderr).toBe(`kafka-tui: ${text}\n`);
    else expect(result.stderr).toMatch(text);
  };
  const withWrongPassword = async (mode: Mode, mechanism: string) => {
    const file = await properties(mode, 'alice', mechanism);
    const bad = `${file}.wrong`;
    writeFileSync(bad, readFileSync(file, 'utf8').replace(/password="[^"]*"/, 'password="not-the-password"'), { mode: 0o600 });
    return bad;
  };

  it.each(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'])('a wrong %s password names the user and the mechanism', async (mechanism) => {
    const result = await cli('sasl_plaintext', ['topics', '--command-config', await withWrongPassword('sasl_plaintext', mechanism)]);
    expectOneLine(result, `SASL authentication failed for user 'alice' with ${mechanism}: invalid username or password`);
  });

  it('a trust store that does not hold the CA names the verification error', async () => {
    const file = await properties('sasl_ssl', 'alice');
    const untrusting = `${file}.no-ca`;
    writeFileSync(untrusting, readFileSync(file, 'utf8').replace(/^ssl\.truststore\..*$/gm, ''), { mode: 0o600 });
    const result = await cli('sasl_ssl', ['topics', '--command-config', untrusting]);
    expectOneLine(
      result,
      /TLS certificate verification failed: unable to verify the first certificate \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/,
    );
  });

  it('a broker name the certificate does not cover is a hostname mismatch, unless identification is off', async () => {
    // 127.1 is 127.0.0.1 to the resolver, but not a name the broker certificate lists.
    const file = await properties('ssl', 'alice');
    const mismatch = await runCli(['topics', '--command-config', file, '-b', `127.1:${CLUSTERS.ssl.port}`]);
    outputs.push(mismatch);
    expectOneLine(mismatch, /cannot connect to 127\.1:\d+: TLS hostname mismatch: .*127\.1.* is not in the cert's altnames/);
    const lenient = `${file}.no-hostname-check`;
    writeFileSync(lenient, `${readFileSync(file, 'utf8')}ssl.endpoint.identification.algorithm=\n`, { mode: 0o600 });
    const allowed = await runCli(['topics', '--command-config', lenient, '-b', `127.1:${CLUSTERS.ssl.port}`]);
    expect(allowed.code, allowed.stderr).toBe(0);
  });

  it('a plaintext client on a TLS port gets a hint, and a TLS client on a plaintext port too', async () => {
    expectOneLine(await cli('sasl_ssl', ['topics']), /the broker answered in TLS: it is a TLS listener \(use --tls/);
    const file = await properties('sasl_plaintext', 'alice');
    expectOneLine(
      await cli('sasl_plaintext', ['topics', '--command-config', file, '--tls']),
      /TLS handshake failed .*the port may not speak TLS/,
    );
  });

  it('mTLS without a client certificate says the broker refused it', async () => {
    const file = await properties('mtls', 'alice');
    const anonymous = `${file}.no-cert`;
    writeFileSync(anonymous, readFileSync(file, 'utf8').replace(/^ssl\.keystore\..*$/gm, ''), { mode: 0o600 });
    expectOneLine(await cli('mtls', ['topics', '--command-config', anonymous]), /the broker refused our client certificate/);
  });
});

describe('secrets', () => {
  it('a password flag works with a warning that never shows it', async () => {
    const password = passwordOf('sasl_plaintext', 'alice');
    const result = await cli('sasl_plaintext', [
      'topics',
      '--sasl-mechanism',
      'scram-sha-256',
      '--sasl-username',
      'alice',
      '--sasl-password',
      password,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^kafka-tui: warning: --sasl-password puts the password in the process arguments/);
  });

  it('never reach stdout, stderr or the log file', () => {
    const secrets = (Object.keys(CLUSTERS) as Mode[]).flatMap((mode) => [passwordOf(mode, 'alice'), passwordOf(mode, 'admin')]);
    const everything = [...outputs.map((o) => o.stdout + o.stderr), readFileSync(logFile, 'utf8')].join('\n');
    expect(outputs.length).toBeGreaterThan(30);
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});
