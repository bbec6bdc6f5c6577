// E in a real 80×24 terminal (tmux) on the shared broker: a topic's configs, an edit of
// retention.ms confirmed with yes, read back with Kafka's own ConfigCommand.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, uniqueTopic } from '../helpers/cli.js';
import { createTopicAndWait } from '../helpers/create-topic.js';
import { configCommandEntries, kafkaClasspath, runJava } from '../helpers/java-tools.js';
import { REPO, SINGLE, bootstrapOf } from '../helpers/ports.js';
import { TmuxSession } from '../helpers/tmux.js';

const bootstrap = bootstrapOf(SINGLE);
const topic = uniqueTopic('e2e-cfg');
let term: TmuxSession;

beforeAll(async () => {
  await createTopicAndWait(topic, bootstrap, ['--config', 'retention.ms=86400000']);
  term = await TmuxSession.start({ cwd: REPO, env: { KAFKA_TUI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'kafka-tui-e2e-cfg-')) } });
});

afterAll(async () => {
  await term?.kill();
});

describe('topic configs in tmux at 80×24', () => {
  it('E lists the configs, Enter edits retention.ms, yes applies it, and ConfigCommand reads it back', async () => {
    await term.run(`node ${BIN} -b ${bootstrap} --topic ${topic}`);
    await term.waitFor(`Describe ${topic}`);
    await term.type('E');
    let screen = await term.waitFor(/retention\.ms\s+topic\s+86400000/);
    expect(screen).toContain(`Configs of ${topic}`);
    expect(screen).toContain('retention.ms: how long records are kept');

    await term.keys('Enter');
    await term.waitFor(`retention.ms of ${topic} = 86400000`);
    await term.keys(...Array.from({ length: 8 }, () => 'BSpace'));
    await term.type('3600000');
    await term.keys('Enter');
    await term.waitFor('? type yes:');
    await term.type('yes');
    await term.keys('Enter');
    screen = await term.waitFor(/retention\.ms\s+topic\s+3600000/);
    expect(screen).toContain('retention.ms is now 3600000');

    const args = ['--bootstrap-server', bootstrap, '--describe', '--entity-type', 'topics', '--entity-name', topic];
    const described = await runJava(await kafkaClasspath(SINGLE), 'kafka.admin.ConfigCommand', args);
    expect(configCommandEntries(described.stdout).find((c) => c.name === 'retention.ms')?.value).toBe('3600000');

    await term.keys('Escape');
    await term.waitFor((s) => s.includes(`Describe ${topic}`) && !s.includes('Configs of'));
    await term.type('q');
    await term.waitForShell();
  });
});
