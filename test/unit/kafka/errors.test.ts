import { describe, expect, it } from 'vitest';
import { KafkaUserError, errorMessage, exitCodeOf } from '../../../source/kafka/errors.js';
import { parseConfigs, parseCount } from '../../../source/cli/topics.js';

describe('error messages', () => {
  it('unwraps kafkajs retry and aggregate errors to the broker reason', () => {
    const protocol = Object.assign(new Error('Unable to replicate the partition 3 time(s): only 1 broker(s) are registered.'), {
      type: 'INVALID_REPLICATION_FACTOR',
    });
    const retried = Object.assign(new Error('Number of retries exceeded'), { originalError: { errors: [protocol] } });
    expect(errorMessage(retried)).toBe(
      'invalid replication factor: Unable to replicate the partition 3 time(s): only 1 broker(s) are registered.',
    );
  });

  it('keeps only the first line and our own messages as they are', () => {
    expect(errorMessage(new Error('first\n    at stack'))).toBe('first');
    expect(errorMessage(new KafkaUserError('plain words', 2))).toBe('plain words');
    expect(exitCodeOf(new KafkaUserError('x', 2))).toBe(2);
    expect(exitCodeOf(new Error('x'))).toBe(1);
  });
});

describe('topics flags', () => {
  it('parses counts and configs', () => {
    expect(parseCount('partitions', '3')).toBe(3);
    expect(parseCount('partitions', undefined, 1)).toBe(1);
    expect(() => parseCount('partitions', 'three')).toThrow("--partitions must be a whole number (got 'three')");
    expect(() => parseCount('partitions', undefined)).toThrow('--partitions is required');
    expect(parseConfigs(['retention.ms=1', 'a=b=c'])).toEqual([
      ['retention.ms', '1'],
      ['a', 'b=c'],
    ]);
    expect(() => parseConfigs(['=x'])).toThrow("invalid --config '=x': expected key=value");
  });
});
