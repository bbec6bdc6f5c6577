// kafka-tui consume: print a topic's records, like kafka-console-consumer and kcat -C.
import {
  GroupConsumer,
  PartitionReader,
  type KafkaRecord,
  type ReadSummary,
  type ReaderSink,
  type StartPosition,
  type TopicReader,
} from '../kafka/consumer.js';
import { KafkaUserError } from '../kafka/errors.js';
import { fetchTopic } from '../kafka/metadata.js';
import { partitionForKey } from '../kafka/partitioner.js';
import { compileFilter, type FilterSpec, type RecordMatcher } from '../model/record-filter.js';
import { DEFAULT_LINE_OPTIONS, formatRecordJson, formatRecordLine, formatRecordPrefix, type LineOptions } from '../format/message-text.js';
import { CONNECTION_HELP, connectionFlags, parseArgs, withConnection } from './command.js';
import {
  attachRelativeTimes,
  nonNegativeInteger,
  oneOf,
  parseBooleanProperty,
  parseOffset,
  parseProperties,
  parseTimestamp,
  unescapeSeparator,
} from './console-options.js';

const HELP = `
  Usage
    kafka-tui consume -t TOPIC [options]

  Where to start (default: new messages only)
    --from-beginning                 from the oldest record
    --offset N|earliest|latest       with --partition for a numeric offset
    --from-timestamp T               ISO-8601 (2024-05-01T12:00:00Z), epoch ms, or relative (-15m, -2h, -1d)
    -p, --partition P                read only this partition (repeatable)
    --group G                        read as consumer group G: resume from its committed offsets, commit as it goes

  When to stop (default: never; Ctrl-C)
    --max-messages N                 after N messages (printed ones, when filtering)
    -e, --exit-at-end                once every partition reaches its end as of the start
    --scan-limit N                   after reading N records, matching or not
    --until T                        each partition at its first record at or after time T (as --from-timestamp)

  Find (every filter given must match; stderr gets "scanned N, matched M")
    --grep REGEX                     the value (as UTF-8) matches REGEX (JavaScript syntax)
    --key-grep REGEX                 the key matches REGEX
    --header NAME[=REGEX]            a header NAME is present (and its value matches); repeatable
    --where 'EXPR'                   a JSON value satisfies a JSONPath filter: '$.customer.id == 42',
                                     '$.total > 100 && $.currency == "EUR"'; non-JSON values never match
    --key K                          the key is K, read only from the partition the Java client's default
                                     partitioner puts K in (murmur2); holds for topics written that way

  Output
    --format text|json|raw           text (default): the value per line, escaped on a terminal;
                                     json: one object per line (binary as base64); raw: bytes as stored
    --value-format text|json|hex     how text output shows values
    --print-key, --print-headers, --print-timestamp, --print-partition, --print-offset
    --key-separator S                between key and value (default a tab)
    --property name=value            console-consumer settings: print.key, print.value, print.timestamp,
                                     print.partition, print.offset, print.headers, key.separator,
                                     headers.separator, line.separator, null.literal
    --isolation-level read_committed|read_uncommitted   (default read_committed: aborted transactions hidden)
${CONNECTION_HELP}
`;

const flags = {
  ...connectionFlags,
  topic: { type: 'string', shortFlag: 't' },
  fromBeginning: { type: 'boolean' },
  offset: { type: 'string' },
  fromTimestamp: { type: 'string' },
  partition: { type: 'string', shortFlag: 'p', isMultiple: true },
  group: { type: 'string' },
  maxMessages: { type: 'string' },
  exitAtEnd: { type: 'boolean', shortFlag: 'e' },
  format: { type: 'string' },
  valueFormat: { type: 'string' },
  printKey: { type: 'boolean' },
  printHeaders: { type: 'boolean' },
  printTimestamp: { type: 'boolean' },
  printPartition: { type: 'boolean' },
  printOffset: { type: 'boolean' },
  keySeparator: { type: 'string' },
  property: { type: 'string', isMultiple: true },
  isolationLevel: { type: 'string' },
  grep: { type: 'string' },
  keyGrep: { type: 'string' },
  header: { type: 'string', isMultiple: true },
  where: { type: 'string' },
  key: { type: 'string' },
  scanLimit: { type: 'string' },
  until: { type: 'string' },
} as const;

const PROPERTIES = [
  'print.key',
  'print.value',
  'print.timestamp',
  'print.partition',
  'print.offset',
  'print.headers',
  'key.separator',
  'headers.separator',
  'line.separator',
  'null.literal',
] as const;

const usage = (message: string) => new KafkaUserError(message, 2);

function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) throw usage(`invalid --${flag} '${text}': expected a whole number of at least 0`);
  return Number(text);
}

interface OutputPlan {
  format: 'text' | 'json' | 'raw';
  line: LineOptions;
  printValue: boolean;
  lineSeparator: string;
}

/** Writes batches to stdout as single chunks, waiting for 'drain' when the pipe is full. */
class BatchWriter {
  private broken = false;

  constructor(private readonly plan: OutputPlan) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      // The reader went away (e.g. `| head`): stop quietly, as other console tools do.
      if (error.code === 'EPIPE') this.broken = true;
    });
  }

  get closed(): boolean {
    return this.broken;
  }

  write(records: KafkaRecord[]): Promise<void> | void {
    if (this.broken || records.length === 0) return;
    const chunk = this.render(records);
    if (process.stdout.write(chunk)) return;
    return new Promise((resolve) => {
      const done = () => {
        process.stdout.off('drain', done);
        process.stdout.off('error', done);
        resolve();
      };
      process.stdout.on('drain', done).on('error', done);
    });
  }

  private render(records: KafkaRecord[]): Buffer | string {
    const { format, line, lineSeparator } = this.plan;
    if (format === 'json') {
      let out = '';
      for (const record of records) out += formatRecordJson(record) + lineSeparator;
      return out;
    }
    if (format === 'raw' || (!line.escape && line.valueFormat === 'text' && line.keyFormat === 'text')) {
      return this.renderBytes(records);
    }
    let out = '';
    for (const record of records) out += formatRecordLine(record, line) + lineSeparator;
    return out;
  }

  /** Values (and keys) copied as stored into one buffer: no decoding, no escaping. */
  private renderBytes(records: KafkaRecord[]): Buffer {
    const { line, printValue, lineSeparator } = this.plan;
    const raw = this.plan.format === 'raw';
    const nullBytes = raw ? Buffer.alloc(0) : Buffer.from(line.nullLiteral);
    const separator = Buffer.from(lineSeparator);
    const keySeparator = Buffer.from(line.keySeparator);
    const hasPrefix = line.printTimestamp || line.printPartition || line.printOffset || line.printHeaders;
    if (!hasPrefix && !line.printKey && printValue) return this.valuesOnly(records, nullBytes, separator);
    const parts: Buffer[] = [];
    let size = 0;
    const add = (bytes: Buffer) => {
      parts.push(bytes);
      size += bytes.length;
    };
    for (const record of records) {
      if (hasPrefix) add(Buffer.from(this.prefix(record)));
      if (line.printKey) {
        add(record.key ?? nullBytes);
        if (printValue) add(keySeparator);
      }
      if (printValue) add(record.value ?? nullBytes);
      add(separator);
    }
    return Buffer.concat(parts, size);
  }

  /** The common case, values one per line: sized first, then copied into one buffer. */
  private valuesOnly(records: KafkaRecord[], nullBytes: Buffer, separator: Buffer): Buffer {
    let size = 0;
    for (const record of records) size += (record.valueLength < 0 ? nullBytes.length : record.valueLength) + separator.length;
    const out = Buffer.allocUnsafe(size);
    let at = 0;
    for (const record of records) {
      const { valueSource, valueStart, valueLength } = record;
      at += valueLength < 0 ? nullBytes.copy(out, at) : valueSource.copy(out, at, valueStart, valueStart + valueLength);
      if (separator.length === 1) out[at++] = separator[0]!;
      else at += separator.copy(out, at);
    }
    return out;
  }

  private prefix(record: KafkaRecord): string {
    return formatRecordPrefix(record, this.plan.line);
  }
}

function outputPlan(cli: { flags: Record<string, unknown> }): OutputPlan {
  const f = cli.flags as Record<string, string | boolean | string[] | undefined>;
  const properties = parseProperties((f.property as string[] | undefined) ?? [], PROPERTIES);
  const bool = (name: (typeof PROPERTIES)[number], flag: unknown, fallback = false) =>
    properties.has(name) ? parseBooleanProperty(name, properties.get(name)!) : flag === true || fallback;
  const format = oneOf('format', f.format as string | undefined, ['text', 'json', 'raw'] as const, 'text');
  if (format === 'raw' && process.stdout.isTTY) {
    // Raw bytes are untrusted: on a terminal they could carry escape sequences that drive it.
    throw new KafkaUserError('--format raw writes message bytes as stored; pipe or redirect it, or use --format text on a terminal', 2);
  }
  const valueFormat = oneOf('value-format', f.valueFormat as string | undefined, ['text', 'json', 'hex'] as const, 'text');
  const line: LineOptions = {
    ...DEFAULT_LINE_OPTIONS,
    // On a terminal, text is escaped so a record cannot drive the terminal; raw and pipes get bytes as stored.
    escape: format === 'text' && process.stdout.isTTY === true,
    printKey: bool('print.key', f.printKey),
    printHeaders: bool('print.headers', f.printHeaders),
    printTimestamp: bool('print.timestamp', f.printTimestamp),
    printPartition: bool('print.partition', f.printPartition),
    printOffset: bool('print.offset', f.printOffset),
    keySeparator: f.keySeparator !== undefined ? unescapeSeparator(f.keySeparator as string) : (properties.get('key.separator') ?? '\t'),
    valueFormat,
    nullLiteral: properties.get('null.literal') ?? 'null',
    headersSeparator: properties.get('headers.separator') ?? ',',
  };
  return {
    format,
    line,
    printValue: bool('print.value', undefined, true),
    lineSeparator: properties.get('line.separator') ?? '\n',
  };
}

function startPosition(f: Record<string, unknown>, partitions: number[]): StartPosition {
  const chosen = [
    f.fromBeginning ? '--from-beginning' : '',
    f.offset !== undefined ? '--offset' : '',
    f.fromTimestamp !== undefined ? '--from-timestamp' : '',
  ].filter(Boolean);
  if (chosen.length > 1) throw usage(`use only one of ${chosen.join(', ')}`);
  if (f.fromBeginning) return { kind: 'earliest' };
  if (f.fromTimestamp !== undefined) return { kind: 'timestamp', timestamp: parseTimestamp(f.fromTimestamp as string) };
  if (f.offset !== undefined) {
    const position = parseOffset(f.offset as string);
    if (position.kind === 'offset' && partitions.length === 0)
      throw usage('--offset N needs --partition (an offset belongs to one partition)');
    return position;
  }
  return { kind: 'latest' };
}

function summaryLine(topic: string, summary: ReadSummary, matched?: number): string {
  const positions = summary.positions.map((p) => `${p.partition}:${p.nextOffset}`).join(' ');
  const counts =
    matched === undefined
      ? `consumed ${summary.messages} message${summary.messages === 1 ? '' : 's'} from ${topic}`
      : `scanned ${summary.messages}, matched ${matched} in ${topic}`;
  return `kafka-tui: ${counts}${positions ? ` (next offset per partition: ${positions})` : ''}\n`;
}

function filterSpec(f: { grep?: string; keyGrep?: string; header?: string[]; where?: string; key?: string }): FilterSpec {
  return {
    ...(f.grep !== undefined ? { grep: f.grep } : {}),
    ...(f.keyGrep !== undefined ? { keyGrep: f.keyGrep } : {}),
    ...(f.header?.length ? { headers: f.header } : {}),
    ...(f.where !== undefined ? { where: f.where } : {}),
    ...(f.key !== undefined ? { key: Buffer.from(f.key, 'utf8') } : {}),
  };
}

/** Passes on only the records the filter matches, counting both, and stops the reader after maxMatches. */
class FilteringSink {
  matched = 0;

  constructor(
    private readonly matcher: RecordMatcher,
    private readonly maxMatches: number | undefined,
    private readonly next: (records: KafkaRecord[]) => Promise<void> | void,
    private readonly stop: () => void,
  ) {}

  onBatch(records: KafkaRecord[]): Promise<void> | void {
    let kept = records.filter(this.matcher);
    if (this.maxMatches !== undefined && this.matched + kept.length >= this.maxMatches) {
      kept = kept.slice(0, this.maxMatches - this.matched);
      this.stop();
    }
    this.matched += kept.length;
    return this.next(kept);
  }
}

const TIME_FLAGS = ['--from-timestamp', '--until'];

export async function run(argv: string[]): Promise<number> {
  const cli = parseArgs(attachRelativeTimes(argv, TIME_FLAGS), HELP, flags);
  const f = cli.flags;
  if (!f.topic) throw usage('consume needs a topic: -t TOPIC');
  if (cli.input.length > 0) throw usage(`unexpected argument '${cli.input[0]}'`);
  const topic = f.topic;
  const partitions = (f.partition ?? []).map((p) => wholeNumber('partition', p));
  const maxMessages =
    f.maxMessages === undefined ? undefined : nonNegativeInteger('max-messages', wholeNumber('max-messages', f.maxMessages));
  const scanLimit = f.scanLimit === undefined ? undefined : wholeNumber('scan-limit', f.scanLimit);
  const until = f.until === undefined ? undefined : parseTimestamp(f.until, Date.now(), 'until');
  const start = startPosition(f, partitions);
  const plan = outputPlan(cli);
  const isolation = oneOf('isolation-level', f.isolationLevel, ['read_committed', 'read_uncommitted'] as const, 'read_committed');
  if (f.group !== undefined && (partitions.length > 0 || start.kind === 'offset' || start.kind === 'timestamp')) {
    throw usage(
      "--group reads every partition from the group's offsets; it cannot be combined with --partition, --offset or --from-timestamp",
    );
  }
  if (f.group !== undefined && (f.key !== undefined || scanLimit !== undefined || until !== undefined)) {
    throw usage('--key, --scan-limit and --until read partitions directly; they cannot be combined with --group');
  }
  if (f.key !== undefined && partitions.length > 0) throw usage('--key reads the partition its key hashes to; leave out --partition');
  // Compiled before connecting: a bad pattern is one line, and no record is read for nothing.
  const matcher = compileFilter(filterSpec(f));
  const bounded = matcher !== undefined || scanLimit !== undefined || until !== undefined;
  if (maxMessages === 0 || scanLimit === 0) return 0;

  let reader: TopicReader | undefined;
  let interruptedBy: NodeJS.Signals | undefined;
  const output = new BatchWriter(plan);
  const write = (records: KafkaRecord[]) => {
    const pending = output.write(records);
    if (output.closed) reader?.stop();
    return pending;
  };
  // Without a filter the records go straight to the writer: no per-record call on the plain path.
  const filtering = matcher && new FilteringSink(matcher, maxMessages, write, () => reader?.stop());
  const sink: ReaderSink = {
    onBatch: filtering ? (records) => filtering.onBatch(records) : write,
    // Skipped offsets and added partitions change what the output means: said on stderr, beside it.
    onWarning: (message) => process.stderr.write(`kafka-tui: warning: ${message}\n`),
  };
  // Without a filter --max-messages counts what is read, so the reader itself stops there.
  const maxRecords = matcher ? scanLimit : Math.min(maxMessages ?? Infinity, scanLimit ?? Infinity);

  return withConnection(
    f,
    async (connection) => {
      // Leader changes and retries are worth a line in the log (--log-file), not on stderr.
      sink.onNotice = (message) => connection.log.add({ time: new Date().toISOString(), level: 'warn', namespace: 'consume', message });
      const keyPartition =
        f.key === undefined
          ? []
          : [partitionForKey(Buffer.from(f.key, 'utf8'), (await fetchTopic(connection.cluster, topic)).partitions.length)];
      reader =
        f.group !== undefined
          ? new GroupConsumer(
              connection,
              {
                topic,
                groupId: f.group,
                fromBeginning: start.kind === 'earliest',
                stopAtEnd: f.exitAtEnd === true,
                maxRecords: matcher ? undefined : maxMessages,
                readCommitted: isolation === 'read_committed',
              },
              sink,
            )
          : new PartitionReader(
              connection.cluster,
              {
                topic,
                partitions: f.key === undefined ? partitions : keyPartition,
                start,
                stopAtEnd: f.exitAtEnd === true,
                maxRecords: Number.isFinite(maxRecords) ? maxRecords : undefined,
                endTimestamp: until,
                readCommitted: isolation === 'read_committed',
              },
              sink,
            );
      // A time still to come: partitions with nothing that late yet read on until the clock gets there.
      const untilTimer = until !== undefined && until > Date.now() ? setTimeout(() => reader?.stop(), until - Date.now()) : undefined;
      try {
        const summary = await reader.run();
        process.stderr.write(summaryLine(topic, summary, bounded ? (filtering?.matched ?? summary.messages) : undefined));
      } finally {
        clearTimeout(untilTimer);
      }
      // The shell convention for a command ended by a signal: 128 + its number.
      return interruptedBy === 'SIGINT' ? 130 : interruptedBy === 'SIGTERM' ? 143 : 0;
    },
    {
      onInterrupt: (signal) => {
        interruptedBy = signal;
        reader?.stop();
      },
      // A group member commits its offsets: that changes the group. Without --group nothing is written.
      writes: f.group === undefined ? undefined : `commit offsets of group ${f.group}`,
    },
  );
}
