import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../source/format/count.js';

describe('formatCount', () => {
  it('exact below 10,000, then k, then M', () => {
    expect([null, 0, 9_999, 10_000, 12_345, 9_999_999, 10_000_000, 3_456_789_012].map(formatCount)).toEqual([
      '?',
      '0',
      '9999',
      '10k',
      '12k',
      '10000k',
      '10M',
      '3457M',
    ]);
  });
});
