import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyTableMarkdown } from '../../source/ui/keymap.js';

describe('README.md', () => {
  it('carries the key table as the keymap generates it (node scripts/tui-keys.mjs)', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    expect(doc).toContain(keyTableMarkdown());
  });
});
