// patches/kafkajs+2.2.4.patch, applied by patch-package at install: kafkajs's read_committed
// filter (used by `consume --group`) must hide every aborted transaction even when producers
// interleave and the broker lists the aborted transactions in marker order.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Message = {
  offset: string;
  key: Buffer | null;
  value: string;
  isControlRecord?: boolean;
  batchContext: { producerId: string; inTransaction: boolean };
};
const filterAbortedMessages = require('kafkajs/src/consumer/filterAbortedMessages.js') as (input: {
  messages: Message[];
  abortedTransactions: Array<{ producerId: string; firstOffset: string }>;
}) => Message[];

const ABORT = Buffer.from([0, 0, 0, 0]);
const COMMIT = Buffer.from([0, 0, 0, 1]);
const record = (offset: number, producerId: string, value: string): Message => ({
  offset: String(offset),
  key: null,
  value,
  batchContext: { producerId, inTransaction: true },
});
const marker = (offset: number, producerId: string, key: Buffer): Message => ({
  offset: String(offset),
  key,
  value: '',
  isControlRecord: true,
  batchContext: { producerId, inTransaction: true },
});

describe('kafkajs read_committed filter (patched)', () => {
  it('hides interleaved aborted transactions listed in marker order', () => {
    const messages = [
      record(0, 'a', 'a-aborted'),
      record(1, 'b', 'b-aborted'),
      record(2, 'c', 'c-committed'),
      marker(3, 'b', ABORT),
      marker(4, 'a', ABORT),
      marker(5, 'c', COMMIT),
      record(6, 'a', 'a-committed'),
      marker(7, 'a', COMMIT),
    ];
    // The broker's order: by marker (b's abort comes first), not by first offset.
    const abortedTransactions = [
      { producerId: 'b', firstOffset: '1' },
      { producerId: 'a', firstOffset: '0' },
    ];
    const shown = filterAbortedMessages({ messages, abortedTransactions }).filter((m) => !m.isControlRecord);
    expect(shown.map((m) => m.value)).toEqual(['c-committed', 'a-committed']);
  });
});
