// The producer input line: parse `[-p N] [-H k=v]... key<sep>value`, send, report where it
// landed, keep the text on failure, and remember what was sent per topic. A paste of several
// lines waits for a yes, then goes out as one message per line, in order.
import { errorMessage } from '../kafka/errors.js';
import type { Backend, HistoryStore, ProduceRequest, ProduceResult } from './backend.js';
import { Store } from './store.js';
import { splitKeyValue } from '../format/key-value.js';

export interface ProducerState {
  topic?: string;
  text: string;
  /** Where the line editor's cursor is; undefined means at the end. */
  cursor?: number;
  sending: boolean;
  last?: { result: ProduceResult; topic: string };
  error?: string;
  /** Position while browsing history with ↑/↓; undefined when editing a new line. */
  historyIndex?: number;
  /** Pasted lines waiting for Enter (send them) or Esc (drop them). */
  pending?: string[];
  /** How the last multi-line send went, counted like a file produce. */
  batch?: BatchReport;
}

export interface BatchReport {
  topic: string;
  sent: number;
  failed: number;
  /** The first failure: its line number in the paste (from 1) and why. */
  firstFailure?: { line: number; reason: string };
}

export class ProduceLineError extends Error {}

/** Parses one input line. Leading `-p N` picks a partition and `-H k=v` adds headers. */
export function parseProduceLine(line: string, topic: string, separator: string): ProduceRequest {
  let rest = line;
  let partition: number | undefined;
  const headers: Array<[string, string]> = [];
  for (;;) {
    const option = /^-(p|H)\s+(\S+)\s*/.exec(rest);
    if (!option) break;
    const [whole, flag, argument] = option as unknown as [string, string, string];
    if (flag === 'p') {
      if (!/^\d+$/.test(argument)) throw new ProduceLineError(`-p needs a partition number (got '${argument}')`);
      partition = Number(argument);
    } else {
      const header = splitKeyValue(argument);
      if (!header) throw new ProduceLineError(`-H needs key=value (got '${argument}')`);
      headers.push(header);
    }
    rest = rest.slice(whole.length);
  }
  const at = separator === '' ? -1 : rest.indexOf(separator);
  const key = at >= 0 ? Buffer.from(rest.slice(0, at)) : null;
  const value = Buffer.from(at >= 0 ? rest.slice(at + separator.length) : rest);
  return { topic, key, value, headers, partition };
}

export class ProducerStore extends Store<ProducerState> {
  private queue: Promise<void> = Promise.resolve();
  private inFlight = 0;

  constructor(
    private readonly backend: Pick<Backend, 'produce'>,
    private readonly history: HistoryStore,
    readonly separator = ':',
  ) {
    super({ text: '', sending: false });
  }

  setTopic(topic: string | undefined): void {
    if (topic !== this.state.topic) this.update({ topic, historyIndex: undefined, error: undefined });
  }

  setText(text: string, cursor?: number): void {
    this.update({ text, cursor, historyIndex: undefined });
  }

  /**
   * Sends the current line. The input empties at once, so what is typed next is a new line
   * (never glued to the one in flight); on failure the text comes back if the input is empty.
   */
  send(): Promise<void> {
    const { topic, text } = this.state;
    if (topic === undefined || text === '' || this.state.pending) return this.queue;
    let request: ProduceRequest;
    try {
      request = parseProduceLine(text, topic, this.separator);
    } catch (error) {
      this.update({ error: errorMessage(error) });
      return this.queue;
    }
    this.update({ text: '', cursor: undefined, historyIndex: undefined, error: undefined });
    return this.enqueue(async () => {
      try {
        const result = await this.backend.produce(request);
        this.history.add(topic, text);
        this.update({ last: { result, topic }, batch: undefined });
      } catch (error) {
        if (this.state.text === '') this.update({ error: errorMessage(error), text, cursor: undefined });
        else this.update({ error: errorMessage(error) });
      }
    });
  }

  /** Holds pasted lines until the user confirms (sendPending) or drops them (dropPending). */
  offerLines(lines: string[]): void {
    if (this.state.topic === undefined || lines.length === 0) return;
    this.update({ pending: lines, error: undefined });
  }

  dropPending(): void {
    this.update({ pending: undefined });
  }

  /** One message per pending line, in order; every line is counted as sent or failed. */
  sendPending(): Promise<void> {
    const { topic, pending } = this.state;
    if (topic === undefined || !pending) return this.queue;
    this.update({ pending: undefined, error: undefined });
    return this.enqueue(async () => {
      const report: BatchReport = { topic, sent: 0, failed: 0 };
      for (const [index, line] of pending.entries()) {
        try {
          await this.backend.produce(parseProduceLine(line, topic, this.separator));
          this.history.add(topic, line);
          report.sent++;
        } catch (error) {
          report.failed++;
          report.firstFailure ??= { line: index + 1, reason: errorMessage(error) };
        }
      }
      this.update({ batch: report, last: undefined });
    });
  }

  /** Sends one after another, so messages land in the order they were entered. */
  private enqueue(job: () => Promise<void>): Promise<void> {
    this.inFlight++;
    this.update({ sending: true });
    this.queue = this.queue.then(job).finally(() => {
      this.inFlight--;
      if (this.inFlight === 0) this.update({ sending: false });
    });
    return this.queue;
  }

  /** ↑ (-1) and ↓ (+1) through this topic's history, newest last. */
  browseHistory(step: -1 | 1): void {
    const { topic, historyIndex } = this.state;
    if (topic === undefined) return;
    const lines = this.history.get(topic);
    if (lines.length === 0) return;
    const from = historyIndex ?? lines.length;
    const index = Math.max(0, Math.min(lines.length, from + step));
    this.state = { ...this.state, historyIndex: index === lines.length ? undefined : index };
    this.update({ text: index === lines.length ? '' : lines[index]!, cursor: undefined });
  }
}
