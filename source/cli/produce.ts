// kafka-tui produce: send lines from stdin or a file, like kafka-console-producer and kcat -P.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { CompressionName } from '../kafka/codecs.js';
import { KafkaUserError } from '../kafka/errors.js';
import type { Header } from '../kafka/record.js';
import { MessageWriter, type Acks, type OutgoingMessage, type SendFailure, type WriteSummary } from '../kafka/producer.js';
import { LineSplitter, splitKey, type InputLine } from '../format/message-lines.js';
import { escapeControl, parseEnvelope } from '../format/message-text.js';
import { CONNECTION_HELP, connectionFlags, parseArgs, withConnection } from './command.js';
import { oneOf, parseBooleanProperty, parseHeaderFlag, parseProperties, unescapeSeparator } from './console-options.js';

const HELP = `
  Usage
    kafka-tui produce -t TOPIC [options] < lines

  Input: one message per line from stdin (or --file). Empty lines are skipped unless --keep-empty.
    --file F                         read lines from F instead of stdin
    --parse-key                      each line is KEY<separator>VALUE
    --key-separator S                (default a tab; \\t and the like are understood)
    --header k=v                     add this header to every message (repeatable)
    --format text|json               json: one envelope per line, as 'consume --format json' prints
    --keep-empty                     send empty lines as empty messages
    --property name=value            console-producer settings: parse.key, key.separator

  Delivery
    -p, --partition P                send every message to partition P (default: by key, or spread)
    --acks all|1|0                   default all (with the idempotent producer)
    --compression none|gzip|snappy|lz4|zstd
${CONNECTION_HELP}
`;

const flags = {
  ...connectionFlags,
  topic: { type: 'string', shortFlag: 't' },
  file: { type: 'string' },
  parseKey: { type: 'boolean' },
  keySeparator: { type: 'string' },
  header: { type: 'string', isMultiple: true },
  format: { type: 'string' },
  keepEmpty: { type: 'boolean' },
  property: { type: 'string', isMultiple: true },
  partition: { type: 'string', shortFlag: 'p' },
  acks: { type: 'string' },
  compression: { type: 'string' },
} as const;

const PROPERTIES = ['parse.key', 'key.separator'] as const;

const usage = (message: string) => new KafkaUserError(message, 2);

/**
 * Reports failures as they come, merging consecutive lines that failed for the same reason
 * into one range ("lines 10-20000: ..."), so a broker outage does not print a line per message.
 */
class FailureReport {
  private first = 0;
  private last = 0;
  private reason = '';

  add({ source, reason }: SendFailure): void {
    if (this.reason === reason && source === this.last + 1) {
      this.last = source;
      return;
    }
    this.flush();
    this.first = this.last = source;
    this.reason = reason;
  }

  flush(): void {
    if (!this.reason) return;
    const where = this.first === this.last ? `line ${this.first}` : `lines ${this.first}-${this.last}`;
    process.stderr.write(`kafka-tui: ${where} not sent: ${escapeControl(this.reason)}\n`);
    this.reason = '';
  }
}

interface InputPlan {
  format: 'text' | 'json';
  keySeparator?: Buffer;
  headers: Header[];
  keepEmpty: boolean;
}

/** Turns one input line into a message, or into a failure with the reason. */
function toMessage(line: InputLine, plan: InputPlan): OutgoingMessage | SendFailure | null {
  if (line.bytes.length === 0 && !plan.keepEmpty) return null;
  if (plan.format === 'json') {
    try {
      const envelope = parseEnvelope(line.bytes.toString('utf8'));
      return {
        key: envelope.key,
        value: envelope.value,
        headers: [...plan.headers, ...envelope.headers],
        source: line.number,
        timestamp: envelope.timestamp,
      };
    } catch (error) {
      return { source: line.number, reason: `not a message envelope: ${(error as Error).message}` };
    }
  }
  if (plan.keySeparator) {
    const parts = splitKey(line.bytes, plan.keySeparator);
    if (!parts) return { source: line.number, reason: `no key separator ${JSON.stringify(plan.keySeparator.toString())} in the line` };
    return { key: parts.key, value: parts.value, headers: plan.headers, source: line.number };
  }
  return { key: null, value: line.bytes, headers: plan.headers, source: line.number };
}

function summaryLine(topic: string, summary: WriteSummary, acks: Acks): string {
  const offsets = [...summary.lastOffsets]
    .sort(([a], [b]) => a - b)
    .map(([p, o]) => `${p}:${o}`)
    .join(' ');
  const where = acks === '0' ? ' (acks=0: offsets unknown)' : offsets ? ` (last offset per partition: ${offsets})` : '';
  return `kafka-tui: sent ${summary.sent}, failed ${summary.failed} to ${topic}${where}\n`;
}

async function pump(input: Readable, plan: InputPlan, writer: MessageWriter, report: FailureReport, interactive: boolean): Promise<number> {
  let failedInput = 0;
  const splitter = new LineSplitter();
  const prompt = () => interactive && process.stderr.write('> ');
  const handle = async (lines: InputLine[]) => {
    for (const line of lines) {
      const message = toMessage(line, plan);
      if (message === null) continue;
      if ('reason' in message) {
        failedInput++;
        report.add(message);
        continue;
      }
      const pending = writer.write(message);
      if (pending) await pending;
    }
    // Typed lines go out as soon as they are entered; piped input fills batches.
    if (interactive) {
      await writer.drain();
      prompt();
    }
  };
  prompt();
  for await (const chunk of input) await handle(splitter.push(chunk as Buffer));
  await handle(splitter.end());
  if (interactive) process.stderr.write('\n');
  return failedInput;
}

export async function run(argv: string[]): Promise<number> {
  const cli = parseArgs(argv, HELP, flags);
  const f = cli.flags;
  if (!f.topic) throw usage('produce needs a topic: -t TOPIC');
  if (cli.input.length > 0) throw usage(`unexpected argument '${cli.input[0]}'`);
  const topic = f.topic;
  const properties = parseProperties(f.property ?? [], PROPERTIES);
  const format = oneOf('format', f.format, ['text', 'json'] as const, 'text');
  const acks = oneOf('acks', f.acks === '-1' ? 'all' : f.acks, ['all', '1', '0'] as const, 'all');
  const compression = oneOf<CompressionName>('compression', f.compression, ['none', 'gzip', 'snappy', 'lz4', 'zstd'], 'none');
  if (f.partition !== undefined && !/^\d+$/.test(f.partition))
    throw usage(`invalid --partition '${f.partition}': expected a whole number of at least 0`);
  const parseKey = properties.has('parse.key') ? parseBooleanProperty('parse.key', properties.get('parse.key')!) : f.parseKey === true;
  const separator = f.keySeparator !== undefined ? unescapeSeparator(f.keySeparator) : (properties.get('key.separator') ?? '\t');
  if (parseKey && separator.length === 0) throw usage('the key separator cannot be empty');
  if (parseKey && format === 'json') throw usage('--parse-key does not apply to --format json (the envelope has the key)');
  const plan: InputPlan = {
    format,
    keySeparator: parseKey ? Buffer.from(separator) : undefined,
    headers: (f.header ?? []).map(parseHeaderFlag),
    keepEmpty: f.keepEmpty === true,
  };
  // 1 MB reads rather than 64 kB: fewer chunks to split and await, for the same memory bound.
  const input: Readable = f.file ? createReadStream(f.file, { highWaterMark: 1 << 20 }) : process.stdin;
  if (f.file) {
    // Fail on a missing file before connecting.
    await new Promise<void>((resolve, reject) => {
      input
        .once('readable', resolve)
        .once('error', (error: NodeJS.ErrnoException) =>
          reject(new KafkaUserError(`cannot read ${f.file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)),
        );
    });
  }
  const interactive = !f.file && process.stdin.isTTY === true;

  return withConnection(
    f,
    async (connection) => {
      const report = new FailureReport();
      const writer = new MessageWriter(
        connection.cluster,
        { topic, acks, compression, partition: f.partition === undefined ? undefined : Number(f.partition) },
        { onFailure: (failure) => report.add(failure) },
      );
      await writer.open();
      const failedInput = await pump(input, plan, writer, report, interactive);
      const summary = await writer.close();
      report.flush();
      const total = { ...summary, failed: summary.failed + failedInput };
      process.stderr.write(summaryLine(topic, total, acks));
      return total.failed > 0 ? 1 : 0;
    },
    { writes: `produce to ${topic}` },
  );
}
