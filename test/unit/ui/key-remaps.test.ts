import { describe, expect, it } from 'vitest';
import { applyKeyRemaps, isKeyName, keyTable } from '../../../source/ui/key-remaps.js';
import { KEYMAP, resolveKey, hintsFor, helpSections } from '../../../source/ui/keymap.js';

const DEFAULT_NOTE = '; using the default keys';

describe('key remaps', () => {
  it('no remap: the defaults, and they pass the conflict check', () => {
    expect(applyKeyRemaps(undefined)).toEqual({ keymap: KEYMAP });
    expect(applyKeyRemaps({})).toEqual({ keymap: KEYMAP });
  });

  it("replaces a command's keys in one context and keeps them in the others", () => {
    const { keymap, error } = applyKeyRemaps({ topics: { 'consume.start': ['x'] } });
    expect(error).toBeUndefined();
    expect(resolveKey('x', ['topics', 'global'], keymap)?.command).toBe('consume.start');
    expect(resolveKey('c', ['topics', 'global'], keymap)).toBeUndefined();
    expect(resolveKey('c', ['consumer', 'global'], keymap)?.command).toBe('consume.start');
    expect(resolveKey('x', ['consumer', 'global'], keymap)).toBeUndefined();
    expect(hintsFor(['topics', 'global'], keymap)).toContainEqual({ key: 'x', hint: 'consume' });
    const rows = helpSections(keymap).flatMap((s) => s.rows);
    expect(rows).toContainEqual({ keys: 'x', description: 'consume the topic from the beginning' });
  });

  it('a single key may be a string; named keys and ctrl+letter are accepted', () => {
    const { keymap, error } = applyKeyRemaps({ global: { 'app.quit': 'Q', 'app.help': ['ctrl+y', 'f'] } });
    expect(error).toBeUndefined();
    expect(resolveKey('Q', ['describe', 'global'], keymap)?.command).toBe('app.quit');
    expect(resolveKey('ctrl+y', ['global'], keymap)?.command).toBe('app.help');
    expect(isKeyName('pgdn')).toBe(true);
    expect(isKeyName('xy')).toBe(false);
    expect(isKeyName('ctrl+')).toBe(false);
  });

  it('every mistake is one line naming the entry, and the defaults are kept', () => {
    const cases: Array<[unknown, string]> = [
      [['x'], 'config keys: expected {"<context>": {"<command>": ["<key>", ...]}}'],
      [
        { tpoics: { 'consume.start': ['x'] } },
        'config keys.tpoics: unknown context (use global, topics, describe, consumer, groups, group, producer, detail, help, brokers, brokerConfigs, topicConfigs, input)',
      ],
      [{ topics: { 'consume.begin': ['x'] } }, 'config keys.topics.consume.begin: unknown command (see: kafka-tui keys)'],
      [{ topics: { 'consume.start': [] } }, 'config keys.topics.consume.start: expected a key or a list of keys, e.g. ["x"]'],
      [
        { topics: { 'consume.start': ['xx'] } },
        "config keys.topics.consume.start: 'xx' is not a key name (e.g. x, X, ctrl+x, enter, pgdn)",
      ],
      [{ help: { 'consume.start': ['x'] } }, 'config keys.help.consume.start: consume.start has no key in help (see: kafka-tui keys)'],
      [{ topics: { 'consume.start': ['d'] } }, "config keys.topics.consume.start: 'd' is already topic.describe in topics"],
      [{ topics: { 'consume.start': ['q'] } }, "config keys.topics.consume.start: 'q' is already app.quit in topics"],
      [{ global: { 'app.quit': ['c'] } }, "config keys.global.app.quit: 'c' is already consume.start in topics"],
    ];
    for (const [raw, message] of cases) {
      const result = applyKeyRemaps(raw);
      expect(result.error).toBe(message + DEFAULT_NOTE);
      expect(result.error).not.toContain('\n');
      expect(result.keymap).toBe(KEYMAP);
    }
  });

  it('the table lists each binding once per context it applies in', () => {
    const table = keyTable(KEYMAP);
    expect(table.length).toBe(KEYMAP.reduce((n, b) => n + b.when.length, 0));
    expect(table).toContainEqual({
      context: 'consumer',
      command: 'consume.pause',
      keys: ['space'],
      description: 'pause or resume the consumer',
    });
  });
});
