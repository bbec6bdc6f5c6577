// On a terminal, delete asks for the topic name and deletes only when it matches.
import { describe, expect, it } from 'vitest';
import { runCli, uniqueTopic } from '../helpers/cli.js';
import { runOnPty } from '../helpers/pty.js';
import { SINGLE, bootstrapOf } from '../helpers/ports.js';

const b = ['-b', bootstrapOf(SINGLE)];
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
