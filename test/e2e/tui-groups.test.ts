// The groups pane in a real 80×24 terminal (tmux) against a real broker, with a group made by
// kcat's balanced consumer (librdkafka) and checked with Kafka's own ConsumerGroupCommand.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { kafkaClasspath, runJava } from '../helpers/java-tools.js';
import { REPO, SINGLE, bootstrapOf } from '../helpers/ports.js';
import { runProcess } from '../helpers/run-process.js';
import { TmuxSession } from '../helpers/tmux.js';

const bootstrap = bootstrapOf(SINGLE);
const suffix = Date.now().toString(36);
const topic = `e2e-groups-${suffix}`;
const groupId = `kcat-${suffix}`;
const configDir = mkdtempSync(join(tmpdir(), 'kafka-tui-e2e-groups-'));

async function kcatProduce(partition: number, lines: string): Promise<void> {
  const child = execFile('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(partition)]);
  child.stdin!.end(lines);
  await new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`kcat exited ${code}`)))),
  );
}

const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `m${from + i}\n`).join('');

let classpath: string | undefined;

/** CURRENT-OFFSET and LAG per partition, as Kafka's own tool reports them. */
async function officialDescribe(): Promise<Map<number, { current: string; lag: string }>> {
  classpath ??= await kafkaClasspath(SINGLE);
  const result = await runJava(classpath, 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--group',
    groupId,
  ]);
  expect(result.code, result.stderr).toBe(0);
  const rows = new Map<number, { current: string; lag: string }>();
  for (const line of result.stdout.split('\n')) {
    const [group, name, partition, current, , lag] = line.trim().split(/\s+/);
    if (group === groupId && name === topic) rows.set(Number(partition), { current: current!, lag: lag! });
  }
  return rows;
}

let term: TmuxSession;

beforeAll(async () => {
  const created = await runCli(['topics', 'create', topic, '--partitions', '2', '-b', bootstrap]);
  expect(created.code, created.stderr).toBe(0);
  await kcatProduce(0, lines(1, 10));
  await kcatProduce(1, lines(1, 4));
  // kcat's balanced consumer reads all 14, commits on close; then 5 more arrive: lag 5 on partition 0.
  const consumed = await runProcess('kcat', ['-b', bootstrap, '-G', groupId, '-X', 'auto.offset.reset=earliest', '-c', '14', '-q', topic], {
    timeoutMs: 60_000,
  });
  expect(consumed.code, consumed.stderr).toBe(0);
  await kcatProduce(0, lines(11, 15));
  expect(await officialDescribe()).toEqual(
    new Map([
      [0, { current: '10', lag: '5' }],
      [1, { current: '4', lag: '0' }],
    ]),
  );
  term = await TmuxSession.start({ cwd: REPO, env: { KAFKA_TUI_CONFIG_DIR: configDir } });
}, 180_000);

afterAll(async () => {
  await term?.kill();
});

describe('the groups pane in tmux at 80×24', () => {
  it('lists the kcat group with its lag, opens its partitions, previews a reset, applies it, and quits cleanly', async () => {
    await term.run('clear; echo BEFORE-TUI');
    await term.waitFor('BEFORE-TUI');
    await term.run(`node ${BIN} -b ${bootstrap} --log-file ${join(configDir, 'client.log')}`);
    await term.waitFor('● connected');

    // :groups, filtered to the group (the shared cluster holds other suites' groups, more than a screen),
    // shows it Empty (kcat has left), with its total lag.
    await term.type(':');
    await term.type('groups');
    await term.keys('Enter');
    await term.waitFor('Groups');
    await term.type('/');
    await term.type(groupId);
    await term.keys('Enter');
    let screen = await term.waitFor(new RegExp(`${groupId}\\s+Empty\\s+0\\s+5\\s`));
    expect(screen).toMatch(/GROUP\s+STATE\s+MEMB\s+LAG\s+TIME-LAG/);

    // Enter: each partition's committed offset, end and lag.
    await term.keys('Enter');
    screen = await term.waitFor(`Group ${groupId}`);
    screen = await term.waitFor(new RegExp(`${topic.slice(0, 10)}\\S*\\s+0\\s+10\\s+15\\s+5\\s`));
    expect(screen).toMatch(new RegExp(`${topic.slice(0, 10)}\\S*\\s+1\\s+4\\s+4\\s+0\\s`));

    // R earliest: a preview; Esc keeps it a dry run, and the cluster is unchanged.
    await term.type('R');
    await term.waitFor(`reset ${groupId} to:`);
    await term.type('earliest');
    await term.keys('Enter');
    screen = await term.waitFor(`apply this reset? type ${groupId}`);
    expect(screen).toMatch(/\s0\s+10 → 0\s+5 → 15/);
    expect(screen).toMatch(/\s1\s+4 → 0\s+0 → 4/);
    await term.keys('Escape');
    await term.waitFor('dry run: type');
    expect(await officialDescribe()).toEqual(
      new Map([
        [0, { current: '10', lag: '5' }],
        [1, { current: '4', lag: '0' }],
      ]),
    );

    // The same reset, confirmed by typing the group's name: the group moves.
    await term.type('R');
    await term.waitFor(`reset ${groupId} to:`);
    await term.type('earliest');
    await term.keys('Enter');
    await term.waitFor(`apply this reset? type ${groupId}`);
    await term.type(groupId);
    await term.keys('Enter');
    await term.waitFor('✔ applied');
    screen = await term.waitFor(new RegExp(`${topic.slice(0, 10)}\\S*\\s+0\\s+0\\s+15\\s+15\\s`));
    expect(await officialDescribe()).toEqual(
      new Map([
        [0, { current: '0', lag: '15' }],
        [1, { current: '0', lag: '4' }],
      ]),
    );

    // q restores the terminal.
    await term.keys('Escape');
    await term.waitFor(/▶ Group .*lag 19/);
    await term.type('q');
    await term.waitFor((s) => s.includes('BEFORE-TUI') && !s.includes('Group'));
    expect(await term.inAlternateScreen()).toBe(false);
    await term.waitForShell();
    await term.run('echo EXIT=$?');
    await term.waitFor('EXIT=0');
    // Three runs of the official tool (a JVM each) on a shared 2-core machine: not a timing assertion.
  }, 240_000);
});
