import { describe, expect, it } from 'vitest';
import { compileFilter, parseFilterQuery, toFilterScript, type FilterableRecord } from '../../../source/model/record-filter.js';

const record = (
  value: string | Buffer | null,
  key: string | null = null,
  headers: Array<[string, string | null]> = [],
): FilterableRecord => ({
  key: key === null ? null : Buffer.from(key),
  value: value === null ? null : typeof value === 'string' ? Buffer.from(value) : value,
  headers: headers.map(([name, v]) => [name, v === null ? null : Buffer.from(v)] as const),
});

const matches = (spec: Parameters<typeof compileFilter>[0], r: FilterableRecord) => compileFilter(spec)!(r);

describe('compileFilter', () => {
  it('is undefined without criteria, so the plain path has no per-record call', () => {
    expect(compileFilter({})).toBeUndefined();
    expect(compileFilter({ headers: [], grep: '' })).toBeUndefined();
  });

  it('greps values and keys as regular expressions; null never matches', () => {
    expect(matches({ grep: 'ord(er)?-\\d+' }, record('an order-12 here'))).toBe(true);
    expect(matches({ grep: '^order' }, record('an order-12'))).toBe(false);
    expect(matches({ grep: 'x' }, record(null))).toBe(false);
    expect(matches({ keyGrep: '^k[0-9]$' }, record('v', 'k7'))).toBe(true);
    expect(matches({ keyGrep: '^k[0-9]$' }, record('v', 'k77'))).toBe(false);
    expect(matches({ keyGrep: '.*' }, record('v', null))).toBe(false);
  });

  it('is case-sensitive unless asked otherwise', () => {
    expect(matches({ grep: 'abc' }, record('ABC'))).toBe(false);
    expect(matches({ grep: 'abc', ignoreCase: true }, record('ABC'))).toBe(true);
  });

  it('matches headers by name, and by value with NAME=REGEX', () => {
    const r = record('v', null, [
      ['source', 'billing-eu'],
      ['empty', null],
    ]);
    expect(matches({ headers: ['source'] }, r)).toBe(true);
    expect(matches({ headers: ['empty'] }, r)).toBe(true);
    expect(matches({ headers: ['missing'] }, r)).toBe(false);
    expect(matches({ headers: ['source=^billing'] }, r)).toBe(true);
    expect(matches({ headers: ['source=^shop'] }, r)).toBe(false);
    expect(matches({ headers: ['empty=.*'] }, r)).toBe(false);
    expect(matches({ headers: ['source', 'empty'] }, r)).toBe(true);
    expect(matches({ headers: ['source', 'missing'] }, r)).toBe(false);
  });

  it('evaluates --where on JSON values through jsonpath-plus', () => {
    const order = (id: unknown, extra = {}) => record(JSON.stringify({ customer: { id }, ...extra }));
    expect(matches({ where: '$.customer.id == 42' }, order(42))).toBe(true);
    expect(matches({ where: '$.customer.id == 42' }, order(41))).toBe(false);
    expect(matches({ where: '$.customer.id == "a$b"' }, order('a$b'))).toBe(true);
    expect(matches({ where: '$.total > 100 && $.currency == "EUR"' }, order(1, { total: 150, currency: 'EUR' }))).toBe(true);
    expect(matches({ where: '$.total > 100 && $.currency == "EUR"' }, order(1, { total: 50, currency: 'EUR' }))).toBe(false);
    // Shapes without the path, non-JSON values and tombstones are no match, never an error.
    expect(matches({ where: '$.customer.id == 42' }, record('{"other":1}'))).toBe(false);
    expect(matches({ where: '$.customer.id == 42' }, record('not json'))).toBe(false);
    expect(matches({ where: '$.customer.id == 42' }, record(null))).toBe(false);
    // The value itself, even when it is an array or a scalar.
    expect(matches({ where: '$.length == 2' }, record('[1,2]'))).toBe(true);
    expect(matches({ where: '$ == 7' }, record('7'))).toBe(true);
  });

  it('compares keys byte for byte for --key', () => {
    expect(matches({ key: Buffer.from('k1') }, record('v', 'k1'))).toBe(true);
    expect(matches({ key: Buffer.from('k1') }, record('v', 'k10'))).toBe(false);
    expect(matches({ key: Buffer.from('k1') }, record('v', null))).toBe(false);
  });

  it('needs every criterion to hold', () => {
    const spec = { grep: 'paid', keyGrep: '^c-', where: '$.n == 1' };
    expect(matches(spec, record('{"n":1,"s":"paid"}', 'c-1'))).toBe(true);
    expect(matches(spec, record('{"n":2,"s":"paid"}', 'c-1'))).toBe(false);
    expect(matches(spec, record('{"n":1,"s":"paid"}', 'x-1'))).toBe(false);
  });

  it('rejects a bad regex or expression in one line, before any record', () => {
    expect(() => compileFilter({ grep: 'a(' })).toThrow(/^invalid --grep regular expression 'a\(': /);
    expect(() => compileFilter({ keyGrep: '[' })).toThrow(/invalid --key-grep regular expression/);
    expect(() => compileFilter({ headers: ['h=*'] })).toThrow(/invalid --header h regular expression/);
    expect(() => compileFilter({ headers: ['=x'] })).toThrow(/invalid --header '=x'/);
    expect(() => compileFilter({ where: '$.a ==' })).toThrow(/^invalid --where '\$\.a ==': Expected expression/);
    for (const bad of ['a(', '[']) {
      try {
        compileFilter({ grep: bad });
      } catch (error) {
        expect((error as Error).message).not.toContain('\n');
      }
    }
  });
});

describe('toFilterScript', () => {
  it('turns path-starting $ into @ and leaves strings and names alone', () => {
    expect(toFilterScript('$.a == 1')).toBe('@.a == 1');
    expect(toFilterScript('$["a b"] == "$x" && $.c')).toBe('@["a b"] == "$x" && @.c');
    expect(toFilterScript("$.s == 'it\\'s $'")).toBe("@.s == 'it\\'s $'");
    expect(toFilterScript('$ == 3')).toBe('@ == 3');
  });
});

describe('parseFilterQuery (the pane)', () => {
  it('reads words as the value pattern, with smart case', () => {
    expect(parseFilterQuery('order 7')).toEqual({ grep: 'order 7', ignoreCase: true });
    expect(parseFilterQuery('Order')).toEqual({ grep: 'Order', ignoreCase: false });
    expect(parseFilterQuery('')).toEqual({ ignoreCase: true });
  });

  it('reads key:, header: and a $ expression or where: to the end of the line', () => {
    expect(parseFilterQuery('key:^c-1 header:source=eu paid $.total > 10 && $.x == "a b"')).toEqual({
      grep: 'paid',
      keyGrep: '^c-1',
      headers: ['source=eu'],
      where: '$.total > 10 && $.x == "a b"',
      ignoreCase: true,
    });
    expect(parseFilterQuery('where:$.n == 1')).toEqual({ where: '$.n == 1', ignoreCase: true });
  });
});

describe('plain words', () => {
  it('match as bytes, the same as the regular expression would, UTF-8 included', () => {
    for (const [word, value, expected] of [
      ['NEEDLE', 'a NEEDLE here', true],
      ['NEEDLE', 'a needle here', false],
      ['välue', 'the välue', true],
      ['a b', 'xa by', true],
      ['-', 'no dash', false],
    ] as const) {
      expect(matches({ grep: word }, record(value)), word).toBe(expected);
      expect(new RegExp(word, 'u').test(value), word).toBe(expected);
    }
    expect(matches({ grep: 'needle', ignoreCase: true }, record('a NEEDLE'))).toBe(true);
  });
});
