// On a terminal, delete asks for the topic name and deletes only when it matches; delete-records
// shows each partition's cut and deletes only after yes.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { runOnPty } from '../helpers/pty.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const exec = promisify(execFile);
const bootstrap = bootstrapOf(SINGLE);
const b = ['-b', bootstrap];
const exists = async (topic: string) => (await runCli(['topics', ...b])).stdout.split('\n').includes(topic);

describe('topics delete on a terminal', () => {
  it('keeps the topic when the typed name does not match, deletes it when it does', async () => {
    const topic = uniqueTopic('doomed');
    expect((await runCli(['topics', 'create', topic, ...b])).code).toBe(0);

    const wrong = await runOnPty(['topics', 'delete', topic, ...b], 'something-else\r');
    expect(wrong.screen).toContain(`Delete topic '${topic}' and all its messages? Type its name to confirm:`);
    expect(wrong.screen).toContain('kafka-tui: not deleted');
    expect(wrong.code).toBe(1);
    expect(await exists(topic)).toBe(true);

    const right = await runOnPty(['topics', 'delete', topic, ...b], `${topic}\r`);
    expect(right.code).toBe(0);
    expect(right.screen).toContain(`Deleted topic ${topic}.`);
    expect(await exists(topic)).toBe(false);
  });
});

describe('topics delete-records on a terminal', () => {
  /** Partition 0's low watermark, as kcat's ListOffsets EARLIEST reads it. */
  const lowWatermark = async (topic: string) => {
    const { stdout } = await exec('kcat', ['-b', bootstrap, '-Q', '-t', `${topic}:0:-2`]);
    return /\[0\] offset (\d+)/.exec(stdout)?.[1];
  };

  it('shows what each partition would lose, keeps the records on anything but yes, deletes them on yes', async () => {
    const topic = uniqueTopic('trimmed');
    expect((await runCli(['topics', 'create', topic, '--partitions', '1', ...b])).code).toBe(0);
    const child = execFile('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0']);
    child.stdin!.end('r0\nr1\nr2\nr3\nr4\n');
    await new Promise((resolve) => child.on('close', resolve));
    const args = ['topics', 'delete-records', topic, '--before', '2', ...b];

    const kept = await runOnPty(args, 'y\r');
    expect(kept.screen).toContain('partition 0: 2 record(s) before offset 2 (it started at 0, would start at 2)');
    expect(kept.screen).toContain(`Delete these 2 record(s) of '${topic}'? Type yes to confirm:`);
    expect(kept.screen).toContain('kafka-tui: nothing deleted');
    expect(kept.code).toBe(1);
    expect(await lowWatermark(topic)).toBe('0');

    const deleted = await runOnPty(args, 'yes\r');
    expect(deleted.code, deleted.screen).toBe(0);
    expect(deleted.screen).toContain('partition 0: 2 record(s) before offset 2 (it started at 0, now starts at 2)');
    expect(await lowWatermark(topic)).toBe('2');
  });
});
