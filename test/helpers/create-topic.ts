// Creates a topic through the CLI; `topics create` returns once every partition has a leader.
import { runCli } from './cli.js';

export async function createTopicAndWait(topic: string, bootstrap: string, args: string[] = []): Promise<void> {
  const created = await runCli(['topics', 'create', topic, ...args, '-b', bootstrap]);
  if (created.code !== 0) throw new Error(`creating ${topic} failed: ${created.stderr.trim()}`);
}
