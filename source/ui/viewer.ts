// `e`: the selected message in the user's pager ($PAGER, else $VISUAL or $EDITOR read-only, else
// less), as the detail view shows it, whole: pretty JSON, text, or a hex dump, with every control
// character escaped (the bytes are untrusted, and the pager writes them to the terminal).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ConsumedRecord } from '../model/backend.js';
import { escapeControlAndTabs } from '../format/escape.js';
import { detailLines } from './record-text.js';

export interface Viewer {
  /** A shell command line; the file is given to it as its last argument. */
  command: string;
  /** The program's name, for messages. */
  name: string;
}

/** Editors that have a read-only switch, and the switch. Any other editor gets a read-only (0400) file. */
const READ_ONLY_FLAGS: Record<string, string> = {
  vi: '-R',
  vim: '-R',
  nvim: '-R',
  gvim: '-R',
  view: '',
  nano: '-v',
  micro: '-readonly true',
};

const programOf = (command: string): string => basename(command.split(/\s+/)[0] ?? command);

export function viewerFor(env: NodeJS.ProcessEnv): Viewer {
  const pager = env.PAGER?.trim();
  if (pager) return { command: pager, name: programOf(pager) };
  const editor = (env.VISUAL || env.EDITOR)?.trim();
  if (editor) {
    const flag = READ_ONLY_FLAGS[programOf(editor)];
    return { command: flag ? `${editor} ${flag}` : editor, name: programOf(editor) };
  }
  return { command: 'less', name: 'less' };
}

/** What the pager shows: the detail view's lines, unwrapped, under the topic's name. */
export function viewText(topic: string, record: ConsumedRecord): string {
  return [`Topic ${escapeControlAndTabs(topic)}`, ...detailLines(record)].join('\n') + '\n';
}

/**
 * Writes the text to a private read-only file, runs `show` on it, and removes it. Returns what
 * `show` returned.
 */
export function withViewFile<T>(name: string, text: string, show: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-tui-view-'));
  try {
    const file = join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_'));
    writeFileSync(file, text, { mode: 0o400, flag: 'wx' });
    return show(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
