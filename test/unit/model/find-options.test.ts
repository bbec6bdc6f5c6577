import { describe, expect, it } from 'vitest';
import { DEFAULT_FIND_LIMIT, parseFindOptions } from '../../../source/model/consume-options.js';

describe('parseFindOptions (the F prompt)', () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);

  it('reads from, limit and p= first, then the filter with its spaces', () => {
    expect(parseFindOptions('from -1h limit 5000 p=0,2 key:^c-1 $.total > 10', now)).toEqual({
      from: { kind: 'timestamp', timestamp: now - 3_600_000 },
      partitions: [0, 2],
      limit: 5000,
      query: 'key:^c-1 $.total > 10',
    });
    expect(parseFindOptions('from offset 42 paid', now)).toEqual({
      from: { kind: 'offset', offset: 42 },
      partitions: [],
      clampStart: true,
      limit: DEFAULT_FIND_LIMIT,
      query: 'paid',
    });
  });

  it('defaults to the beginning, the default limit and no filter', () => {
    expect(parseFindOptions('', now)).toEqual({ from: { kind: 'earliest' }, partitions: [], limit: DEFAULT_FIND_LIMIT, query: '' });
    // Words that only look like options later in the line are filter text.
    expect(parseFindOptions('error from db limit', now).query).toBe('error from db limit');
  });

  it('refuses a bad limit or start', () => {
    expect(() => parseFindOptions('limit 0 x', now)).toThrow(/bad limit '0'/);
    expect(() => parseFindOptions('limit lots x', now)).toThrow(/bad limit 'lots'/);
    expect(() => parseFindOptions('from yesterday x', now)).toThrow(/cannot read/);
  });
});
