import { describe, expect, it } from 'vitest';
import { cutToWidth, fitLine, fitSegments, leadingWords } from '../../../source/ui/fit-segments.js';
import stringWidth from 'string-width';

describe('leadingWords', () => {
  it('keeps the text that fits, else whole leading words with an ellipsis', () => {
    expect(leadingWords('from the beginning', 30)).toBe('from the beginning');
    expect(leadingWords('from the beginning', 17)).toBe('from the…');
    expect(leadingWords('from the beginning', 9)).toBe('from the…');
    expect(leadingWords('from the beginning', 8)).toBe('from…');
    expect(leadingWords('from the beginning', 4)).toBeUndefined();
  });

  it('measures wide characters by their columns', () => {
    expect(leadingWords('注文 トピック 読み', 12)).toBe('注文…');
    expect(stringWidth(leadingWords('注文 トピック 読み', 12)!)).toBeLessThanOrEqual(12);
  });
});

describe('fitSegments', () => {
  const header = [
    { text: 'Consumer', required: true, priority: 9 },
    { text: 'orders', required: true, priority: 8 },
    { text: 'from the beginning', short: 'from start', priority: 3 },
    { text: '1,234 shown of 5,678', short: '1,234/5,678', priority: 5 },
    { text: 'paused', priority: 7 },
    { text: 'filter: status=ok', words: true, priority: 1 },
  ];

  it('leaves a line that fits as it is', () => {
    expect(fitLine(header, 200)).toBe('Consumer  orders  from the beginning  1,234 shown of 5,678  paused  filter: status=ok');
  });

  it('gives up the least important segment first, by words before dropping it', () => {
    expect(fitLine(header, 80)).toBe('Consumer  orders  from the beginning  1,234 shown of 5,678  paused  filter:…');
    expect(fitLine(header, 70)).toBe('Consumer  orders  from the beginning  1,234 shown of 5,678  paused');
    expect(fitLine(header, 60)).toBe('Consumer  orders  from start  1,234 shown of 5,678  paused');
    expect(fitLine(header, 48)).toBe('Consumer  orders  1,234 shown of 5,678  paused');
    expect(fitLine(header, 40)).toBe('Consumer  orders  1,234/5,678  paused');
    expect(fitLine(header, 30)).toBe('Consumer  orders  paused');
    expect(fitLine(header, 17)).toBe('Consumer  orders');
  });

  it('never returns a line wider than the width, and only cuts words of required text', () => {
    for (let width = 0; width <= 100; width++) {
      const line = fitLine(header, width);
      expect(stringWidth(line)).toBeLessThanOrEqual(width);
      const words = new Set(header.flatMap((s) => `${s.text} ${s.short ?? ''}`.split(/\s+/)));
      if (width >= 'Consumer  orders'.length) {
        for (const word of line.split(/\s+/)) expect(words.has(word.replace(/…$/, '')) || word === '').toBe(true);
      }
    }
  });

  it('keeps each segment in its place and reports dropped ones as undefined', () => {
    expect(fitSegments(header, 40)).toEqual(['Consumer', 'orders', undefined, '1,234/5,678', 'paused', undefined]);
  });

  it('gives way from the right among equal priorities', () => {
    const hints = ['/ filter', 'd describe', 'c consume', 'p produce'].map((text) => ({ text }));
    expect(fitLine([...hints, { text: '? help', priority: 1 }], 34)).toBe('/ filter  d describe  ? help');
  });

  it('cuts required text by words, then characters, only when nothing else is left', () => {
    const status = [
      { text: 'kafka-tui', required: true },
      { text: 'cannot connect to host:1', required: true, words: true },
    ];
    expect(fitLine(status, 30)).toBe('kafka-tui  cannot connect to…');
    expect(fitLine(status, 12)).toBe('kafka-tui');
    expect(fitLine(status, 5)).toBe('kafk…');
    expect(fitLine(status, 0)).toBe('');
    expect(fitSegments(status, 0)).toEqual([undefined, undefined]);
  });
});

describe('cutToWidth', () => {
  it('cuts by columns without splitting a wide character', () => {
    expect(cutToWidth('注文abc', 3)).toBe('注');
    expect(cutToWidth('abc', 5)).toBe('abc');
  });
});
