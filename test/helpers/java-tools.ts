// Runs Kafka's own Java clients and tools (from the same jars as the test brokers) as reference peers.
import { resolve } from 'node:path';
import { kafkaLocal } from './kafka-local.js';
import { REPO, bootstrapOf, type ClusterSpec } from './ports.js';
import { runProcess, type ProcessResult } from './run-process.js';

export type JavaResult = ProcessResult;

export const kafkaClasspath = (spec: ClusterSpec): Promise<string> => kafkaLocal(spec, 'classpath');

/** java -cp CLASSPATH MAIN ARGS; MAIN may be a class name or a single-file .java program. */
export function runJava(
  classpath: string,
  main: string,
  args: string[],
  options: { input?: string; timeoutMs?: number; logs?: boolean } = {},
): Promise<JavaResult> {
  // Logging off unless asked for: some tools log to stdout, which would mix with the records they print.
  const logging = options.logs ? [] : ['-Dorg.apache.logging.log4j.level=OFF'];
  return runProcess('java', [...logging, '-cp', classpath, main, ...args], {
    cwd: REPO,
    input: options.input,
    timeoutMs: options.timeoutMs ?? 120_000,
  });
}

/** One of Kafka's own tools from the cluster's jars, with its log lines (errors such as denials are logged). */
export async function kafkaTool(
  spec: ClusterSpec,
  main: string,
  args: string[],
  options: { input?: string; timeoutMs?: number } = {},
): Promise<JavaResult> {
  return runJava(await kafkaClasspath(spec), main, args, { ...options, logs: true });
}

export const TXN_PRODUCER = resolve(REPO, 'test/fixtures/TxnProducer.java');

/**
 * ConsoleConsumer from the beginning of a topic, until it has shown `messages` records. (Its other way
 * out, --timeout-ms, is here only a safety net: a time without records is no proof of the end.)
 */
export async function consoleConsumer(
  spec: ClusterSpec,
  classpath: string,
  topic: string,
  messages: number,
  args: string[],
): Promise<string> {
  const result = await runJava(classpath, 'org.apache.kafka.tools.consumer.ConsoleConsumer', [
    '--bootstrap-server',
    bootstrapOf(spec),
    '--topic',
    topic,
    '--from-beginning',
    '--max-messages',
    String(messages),
    '--timeout-ms',
    '60000',
    ...args,
  ]);
  if (result.code !== 0)
    throw new Error(`ConsoleConsumer failed (exit ${result.code}): ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return result.stdout;
}

/** Lines grouped by partition, each partition in its own order; lines start "Partition:N" (others first). */
export function byPartition(text: string): string[] {
  const lines = text.split('\n').filter((line) => line !== '');
  const partitionOf = (line: string) => Number(/^Partition:(\d+)\t/.exec(line)?.[1] ?? -1);
  return lines
    .map((line, index) => ({ line, index, partition: partitionOf(line) }))
    .sort((a, b) => a.partition - b.partition || a.index - b.index)
    .map((x) => x.line);
}

/** A config as ConfigCommand --describe shows it. */
export interface ConfigLine {
  name: string;
  value: string;
  source: string;
}

/** ConfigCommand --describe lines: `  name=value sensitive=false synonyms={SOURCE:name=value, ...}`; the first synonym is the source in effect. */
export function configCommandEntries(stdout: string): ConfigLine[] {
  return [...stdout.matchAll(/^ {2}([^=\s]+)=(.*) sensitive=(?:true|false) synonyms=\{(.*)\}$/gm)].map(([, name, value, synonyms]) => ({
    name: name!,
    value: value!,
    source: synonyms ? synonyms.split(':')[0]! : 'DEFAULT_CONFIG',
  }));
}
