// Creates a topic through the CLI and waits until every partition has a leader.
// `topics create` sometimes reports "unknown topic or partition" while the new topic's
// metadata spreads (kafkajs's waitForLeaders races it) although the topic was created;
// tests that only need the topic should not fail on that.
import { runCli } from './cli.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function createTopicAndWait(topic: string, bootstrap: string, args: string[] = []): Promise<void> {
  const b = ['-b', bootstrap];
  const created = await runCli(['topics', 'create', topic, ...args, ...b]);
  if (created.code !== 0 && !created.stderr.includes('unknown topic or partition')) {
    throw new Error(`creating ${topic} failed: ${created.stderr.trim()}`);
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const described = await runCli(['describe', '-t', topic, ...b]);
    if (described.code === 0 && !described.stdout.includes('Leader: none')) return;
    await sleep(200);
  }
  throw new Error(`topic ${topic} has no leaders after 10 s`);
}
