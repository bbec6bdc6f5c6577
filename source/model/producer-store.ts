// The producer input line: parse `[-p N] [-H k=v]... key<sep>value`, send, report where it
// landed, keep the text on failure, and remember what was sent per topic.
import { errorMessage } from '../kafka/errors.js';
import type { Backend, HistoryStore, ProduceRequest, ProduceResult } from './backend.js';
import { Store } from './store.js';
import { splitKeyValue } from '../format/key-value.js';

export interface ProducerState {
  topic?: string;
  text: string;
  sending: boolean;
  last?: { result: ProduceResult; topic: string };
  error?: string;
  /** Position while browsing history with ↑/↓; undefined when editing a new line. */
  historyIndex?: number;
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

  setText(text: string): void {
    this.update({ text, historyIndex: undefined });
  }

  /** Sends the current line. On failure the text stays so nothing typed is lost. */
  async send(): Promise<void> {
    const { topic, text, sending } = this.state;
    if (sending || topic === undefined || text === '') return;
    let request: ProduceRequest;
    try {
      request = parseProduceLine(text, topic, this.separator);
    } catch (error) {
      this.update({ error: errorMessage(error) });
      return;
    }
    this.update({ sending: true, error: undefined });
    try {
      const result = await this.backend.produce(request);
      this.history.add(topic, text);
      // Clear only if the user did not start another line while this one was in flight.
      const text2 = this.state.text === text ? '' : this.state.text;
      this.update({ sending: false, last: { result, topic }, text: text2, historyIndex: undefined });
    } catch (error) {
      this.update({ sending: false, error: errorMessage(error) });
    }
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
    this.update({ text: index === lines.length ? '' : lines[index]! });
  }
}
