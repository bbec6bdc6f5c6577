// The TUI over SASL_SSL in a real 80×24 terminal (tmux), as alice with the client.properties that
// Kafka's own tools use: it opens, describes, consumes and produces a team- topic, and a topic she
// may not describe shows "not authorized" while the rest keeps working. The password never shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, uniqueTopic } from '../helpers/cli.js';
import { clientProperties, startCluster, stopCluster } from '../helpers/kafka-local.js';
import { REPO, bootstrapOf, securedCluster } from '../helpers/ports.js';
import { TmuxSession } from '../helpers/tmux.js';

const spec = securedCluster('sasl_ssl', 300);
const bootstrap = bootstrapOf(spec);
const team = uniqueTopic('team-tui');
const payroll = uniqueTopic('payroll');
let term: TmuxSession;
let alice = '';

beforeAll(async () => {
  await startCluster(spec);
  const admin = await clientProperties(spec, 'admin');
  alice = await clientProperties(spec, 'alice');
  for (const topic of [team, payroll]) {
    const created = await runCli(['topics', 'create', topic, '-b', bootstrap, '--command-config', admin]);
    expect(created.code, created.stderr).toBe(0);
  }
  const seeded = await runCli(['produce', '-t', team, '-b', bootstrap, '--command-config', admin, '--parse-key', '--key-separator', ':'], {
    input: 's1:seed-one\n',
  });
  expect(seeded.code, seeded.stderr).toBe(0);
  term = await TmuxSession.start({ cwd: REPO });
}, 420_000);

afterAll(async () => {
  await term?.kill();
  await stopCluster(spec);
});

describe('kafka-tui over sasl_ssl in tmux', () => {
  it('opens, describes, consumes, produces, and shows a denied topic as not authorized', async () => {
    await term.run(`node ${BIN} -b ${bootstrap} --command-config ${alice}`);
    await term.waitFor('● connected', 30_000);

    await term.type('/');
    await term.type(team);
    // The list loads after "connected"; Enter on a list that has not loaded yet describes nothing.
    await term.waitFor(/Topics\s+1\/\d+/, 30_000);
    await term.keys('Enter');
    await term.keys('Enter');
    await term.waitFor(`Describe ${team}  P=1 RF=1`, 30_000);

    await term.type('c');
    await term.waitFor('seed-one', 30_000);
    await term.type('p');
    await term.type('k1:hello-secured');
    await term.keys('Enter');
    await term.waitFor(`✔ sent to ${team} partition 0 offset 1`, 30_000);
    await term.waitFor(/0\s+1 \S+ k1\s+hello-secured/, 30_000);

    await term.keys('Escape');
    await term.type(':');
    await term.type(`describe ${payroll}`);
    await term.keys('Enter');
    const screen = await term.waitFor('not authorized to describe this topic', 30_000);
    expect(screen).toContain(`denied: describe topic`);
    expect(screen).toContain('● connected');
    const password = readFileSync(join(spec.dir, 'security', 'alice.password'), 'utf8').trim();
    expect(screen).not.toContain(password);

    await term.type('q');
    await term.waitForShell();
    await term.run('echo EXIT=$?');
    await term.waitFor('EXIT=0');
  }, 180_000);
});
