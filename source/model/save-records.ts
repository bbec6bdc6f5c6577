// The consumer pane's `s`: records written as JSON lines in the `consume --format json` envelope,
// which `produce --format json` sends again. An existing file is never overwritten.
import { writeFile } from 'node:fs/promises';
import { KafkaUserError } from '../kafka/errors.js';
import type { Header } from '../kafka/record.js';
import { formatEnvelopeLine } from '../format/message-text.js';
import type { ConsumedRecord } from './backend.js';

/** A file name in the working directory that says what and when: orders-20261124-053012.jsonl. */
export function defaultSavePath(topic: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${topic}-${stamp}.jsonl`;
}

/**
 * A kept record as its `consume --format json` line. Field by field: the reader's records are
 * KafkaRecord views, whose key and value are getters that a spread would lose.
 */
export function envelopeLineOf(topic: string, r: ConsumedRecord): string {
  return formatEnvelopeLine({
    topic,
    partition: r.partition,
    offset: r.offset,
    timestamp: r.timestamp,
    key: r.key,
    value: r.value,
    headers: r.headers.map(([name, bytes]): Header => [name, bytes]),
  });
}

export async function saveRecords(path: string, topic: string, records: readonly ConsumedRecord[]): Promise<number> {
  const text = records.map((r) => `${envelopeLineOf(topic, r)}\n`).join('');
  try {
    await writeFile(path, text, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new KafkaUserError(`${path} exists: not overwritten, give another name`);
    if (code === 'ENOENT') throw new KafkaUserError(`cannot write ${path}: no such directory`);
    if (code === 'EACCES') throw new KafkaUserError(`cannot write ${path}: permission denied`);
    throw error;
  }
  return records.length;
}
