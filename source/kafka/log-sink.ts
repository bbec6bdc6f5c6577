// Where kafkajs logs go: a bounded in-memory list (for a log pane and error messages)
// and optionally a file. Never the terminal.
import { appendFileSync } from 'node:fs';
import { logLevel, type logCreator } from 'kafkajs';

export interface LogEntry {
  time: string;
  level: 'error' | 'warn' | 'info' | 'debug';
  namespace: string;
  message: string;
  broker?: string;
  error?: string;
}

const LEVEL_NAMES: Record<number, LogEntry['level']> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export class LogSink {
  private readonly entries: LogEntry[] = [];

  constructor(
    private readonly capacity = 500,
    private readonly file?: string,
  ) {}

  readonly creator: logCreator =
    () =>
    ({ namespace, level, log }) => {
      const { message, timestamp, broker, error } = log as Record<string, unknown>;
      this.add({
        time: String(timestamp ?? new Date().toISOString()),
        level: LEVEL_NAMES[level] ?? 'info',
        namespace,
        message: String(message),
        broker: typeof broker === 'string' ? broker : undefined,
        error: typeof error === 'string' ? error : undefined,
      });
    };

  add(entry: LogEntry): void {
    if (this.entries.length === this.capacity) this.entries.shift();
    this.entries.push(entry);
    if (this.file) {
      try {
        appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
      } catch {
        // A log file we cannot write must not break the client.
      }
    }
  }

  recent(): readonly LogEntry[] {
    return this.entries;
  }

  /** The newest connection-level error, to explain a timeout. */
  lastError(): LogEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i]!;
      if (entry.level === 'error' && (entry.error || entry.broker)) return entry;
    }
    return undefined;
  }
}
