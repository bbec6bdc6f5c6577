import { describe, expect, it } from 'vitest';
import { splitKeyValue } from '../../../source/format/key-value.js';

describe('splitKeyValue', () => {
  it('splits at the first =, keeps later ones and an empty value', () => {
    expect(splitKeyValue('a=b')).toEqual(['a', 'b']);
    expect(splitKeyValue('c=d=e')).toEqual(['c', 'd=e']);
    expect(splitKeyValue('k=')).toEqual(['k', '']);
  });
  it('no = or nothing before it: undefined', () => {
    expect(splitKeyValue('novalue')).toBeUndefined();
    expect(splitKeyValue('=v')).toBeUndefined();
    expect(splitKeyValue('')).toBeUndefined();
  });
});
