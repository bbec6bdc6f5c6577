// Every key binding, declared once. The input handler, the hint bar and the `?` overlay
// all read this table; nothing else decides what a key does.

/** Where a binding applies: a pane, an overlay, a line being edited, or everywhere. */
export type KeyContext =
  | 'global'
  | 'topics'
  | 'describe'
  | 'consumer'
  | 'groups'
  | 'group'
  | 'producerPane'
  | 'producer'
  | 'detail'
  | 'help'
  | 'brokers'
  | 'brokerConfigs'
  | 'topicConfigs'
  | 'input';

export type Command =
  | 'app.help'
  | 'app.quit'
  | 'app.commandLine'
  | 'app.back'
  | 'focus.next'
  | 'focus.previous'
  | 'cursor.up'
  | 'cursor.down'
  | 'cursor.top'
  | 'cursor.bottom'
  | 'cursor.pageUp'
  | 'cursor.pageDown'
  | 'list.filter'
  | 'topic.open'
  | 'topic.describe'
  | 'topic.toggleInternal'
  | 'topic.create'
  | 'topic.alterPartitions'
  | 'topic.delete'
  | 'topic.configs'
  | 'topicConfig.edit'
  | 'consume.start'
  | 'consume.options'
  | 'consume.find'
  | 'consume.pause'
  | 'consume.detail'
  | 'consume.save'
  | 'consume.copyValue'
  | 'consume.copyEnvelope'
  | 'consume.view'
  | 'produce.focus'
  | 'broker.configs'
  | 'groups.show'
  | 'group.open'
  | 'group.reset'
  | 'group.delete'
  | 'group.deleteOffsets'
  | 'view.refresh'
  | 'input.submit'
  | 'input.cancel'
  | 'input.historyPrevious'
  | 'input.historyNext';

export interface Binding {
  /** Key names as produced by keyName(): 'q', 'G', 'ctrl+d', 'shift+tab', 'pgdn', 'space'... */
  keys: readonly string[];
  command: Command;
  description: string;
  when: readonly KeyContext[];
  /** Shown in the hint bar (the help overlay shows every binding). */
  hint?: string;
  /** Why the command cannot run now (lazygit's GetDisabledReason), or undefined when it can. */
  disabledReason?: DisabledReason;
}

/** What a disabled reason may look at. */
export interface CommandState {
  readOnly: boolean;
  /** The topic the command would apply to. */
  topic?: string;
  /** The consumer group the command would apply to. */
  group?: string;
}

export type DisabledReason = (state: CommandState) => string | undefined;

const needsTopic: DisabledReason = ({ topic }) => (topic ? undefined : 'select a topic first');
const needsGroup: DisabledReason = ({ group }) => (group ? undefined : 'select a group first');

/** A command that changes the cluster: off in read-only mode, then whatever `then` says. */
const writes =
  (what: string, then?: DisabledReason): DisabledReason =>
  (state) =>
    state.readOnly ? `read-only: ${what} is disabled (--read-only or the profile's readOnly)` : then?.(state);

const LISTS: readonly KeyContext[] = [
  'topics',
  'describe',
  'consumer',
  'groups',
  'group',
  'detail',
  'help',
  'brokers',
  'brokerConfigs',
  'topicConfigs',
];
const GROUP_ACTIONS: readonly KeyContext[] = ['group', 'groups'];
const TOPIC_ACTIONS: readonly KeyContext[] = ['topics', 'describe', 'consumer'];

export const KEYMAP: readonly Binding[] = [
  { keys: ['?'], command: 'app.help', description: 'help: every key binding', when: ['global'], hint: 'help' },
  { keys: ['q', 'ctrl+c'], command: 'app.quit', description: 'quit (restores the terminal)', when: ['global'], hint: 'quit' },
  {
    keys: [':'],
    command: 'app.commandLine',
    description: 'command line: topics, groups, brokers, describe T, consume T, produce T, q',
    when: ['global'],
    hint: 'cmd',
  },
  { keys: ['esc'], command: 'app.back', description: 'back: close the overlay, stop a find, or clear the filter', when: ['global'] },
  { keys: ['tab'], command: 'focus.next', description: 'next pane', when: ['global'], hint: 'pane' },
  { keys: ['shift+tab'], command: 'focus.previous', description: 'previous pane', when: ['global'] },

  { keys: ['k', 'up'], command: 'cursor.up', description: 'move up', when: LISTS },
  { keys: ['j', 'down'], command: 'cursor.down', description: 'move down', when: LISTS },
  { keys: ['g', 'home'], command: 'cursor.top', description: 'go to the top', when: LISTS },
  { keys: ['G', 'end'], command: 'cursor.bottom', description: 'go to the bottom (consumer: follow new messages)', when: LISTS },
  { keys: ['pgup'], command: 'cursor.pageUp', description: 'page up', when: LISTS },
  { keys: ['pgdn'], command: 'cursor.pageDown', description: 'page down', when: LISTS },

  { keys: ['/'], command: 'list.filter', description: 'filter topics by name', when: ['topics'], hint: 'filter' },
  {
    keys: ['/'],
    command: 'list.filter',
    description: 'filter messages, buffered and arriving: text, key:RE, header:N=RE, $.path == v',
    when: ['consumer'],
    hint: 'search',
  },
  { keys: ['/'], command: 'list.filter', description: 'filter groups by name', when: ['groups'], hint: 'filter' },
  {
    keys: ['enter'],
    command: 'topic.open',
    disabledReason: needsTopic,
    description: 'open the selected topic (describe)',
    when: ['topics'],
  },
  {
    keys: ['d'],
    command: 'topic.describe',
    disabledReason: needsTopic,
    description: 'describe the selected topic',
    when: ['topics'],
    hint: 'describe',
  },
  { keys: ['i'], command: 'topic.toggleInternal', description: 'show or hide internal topics', when: ['topics'], hint: 'internal' },
  {
    keys: ['c'],
    command: 'consume.start',
    disabledReason: needsTopic,
    description: 'consume the topic from the beginning',
    when: TOPIC_ACTIONS,
    hint: 'consume',
  },
  {
    keys: ['C'],
    command: 'consume.options',
    disabledReason: needsTopic,
    description: 'consume from: end, offset N, timestamp, partitions',
    when: TOPIC_ACTIONS,
    hint: 'from…',
  },
  {
    keys: ['F'],
    command: 'consume.find',
    disabledReason: needsTopic,
    description: 'find: scan from a time or offset, up to N records, keeping what the filter matches (Esc stops)',
    when: TOPIC_ACTIONS,
    hint: 'find',
  },
  {
    keys: ['p'],
    command: 'produce.focus',
    disabledReason: writes('producing', needsTopic),
    description: 'produce to the topic (start typing a message)',
    when: TOPIC_ACTIONS,
    hint: 'produce',
  },
  // Not `p` here: a word typed on the pane by mistake (`newtopic`) would start a message at its p.
  {
    keys: ['enter'],
    command: 'produce.focus',
    disabledReason: writes('producing', needsTopic),
    description: 'start typing a message',
    when: ['producerPane'],
    hint: 'type',
  },
  {
    keys: ['n'],
    command: 'topic.create',
    disabledReason: writes('creating topics'),
    description: 'create a topic',
    when: ['topics'],
    hint: 'new',
  },
  {
    keys: ['a'],
    command: 'topic.alterPartitions',
    disabledReason: writes('altering partitions', needsTopic),
    description: 'add partitions to the topic',
    when: ['topics', 'describe'],
    hint: 'alter',
  },
  {
    keys: ['ctrl+d'],
    command: 'topic.delete',
    disabledReason: writes('deleting topics', needsTopic),
    description: 'delete the topic (confirm by typing its name)',
    when: ['topics', 'describe'],
    hint: 'delete',
  },
  {
    keys: ['E'],
    command: 'topic.configs',
    disabledReason: needsTopic,
    description: "the topic's configs: source, default, help; Enter edits one",
    when: ['topics', 'describe'],
    hint: 'configs',
  },
  {
    keys: ['enter'],
    command: 'topicConfig.edit',
    disabledReason: writes('editing configs'),
    description: 'edit the selected config (asks to confirm)',
    when: ['topicConfigs'],
    hint: 'edit',
  },
  { keys: ['enter'], command: 'broker.configs', description: "show the broker's non-default configs", when: ['brokers'], hint: 'configs' },
  {
    keys: ['enter'],
    command: 'group.open',
    disabledReason: needsGroup,
    description: 'open the group: partitions, lag, members, ETA',
    when: ['groups'],
    hint: 'open',
  },
  {
    keys: ['R'],
    command: 'group.reset',
    disabledReason: writes('resetting offsets', needsGroup),
    description: "reset the group's offsets: preview, then confirm by typing its name",
    when: GROUP_ACTIONS,
    hint: 'reset',
  },
  {
    keys: ['ctrl+d'],
    command: 'group.delete',
    disabledReason: writes('deleting groups', needsGroup),
    description: 'delete the group (confirm by typing its name)',
    when: GROUP_ACTIONS,
    hint: 'delete',
  },
  {
    keys: ['D'],
    command: 'group.deleteOffsets',
    disabledReason: writes("deleting a group's offsets", needsGroup),
    description: "delete the group's offsets for a topic (confirm by typing its name)",
    when: GROUP_ACTIONS,
    hint: 'del offsets',
  },
  {
    keys: ['r'],
    command: 'view.refresh',
    description: 'refresh',
    when: ['topics', 'describe', 'groups', 'group', 'brokers'],
    hint: 'refresh',
  },
  { keys: ['space'], command: 'consume.pause', description: 'pause or resume the consumer', when: ['consumer'], hint: 'pause' },
  {
    keys: ['enter'],
    command: 'consume.detail',
    description: 'open the message: full key, value, headers',
    when: ['consumer'],
    hint: 'open',
  },
  {
    keys: ['y'],
    command: 'consume.copyValue',
    description: "copy the message's value to the clipboard (OSC 52: over SSH too; in tmux, set-clipboard on)",
    when: ['consumer', 'detail'],
    hint: 'copy',
  },
  {
    keys: ['Y'],
    command: 'consume.copyEnvelope',
    description: 'copy the whole message as a JSON envelope (key, value, headers, offset) to the clipboard',
    when: ['consumer', 'detail'],
  },
  {
    keys: ['e'],
    command: 'consume.view',
    description: 'open the message in $PAGER (else $EDITOR read-only, else less): pretty JSON, control characters escaped',
    when: ['consumer', 'detail'],
    hint: 'pager',
  },
  {
    keys: ['s'],
    command: 'consume.save',
    description: 'save the listed messages (the search’s matches, if any) to a JSONL file that produce --format json reads',
    when: ['consumer'],
    hint: 'save',
  },

  // Last of the pane keys: where the hint bar is short, the pane's own keys keep their place.
  {
    keys: ['ctrl+g'],
    command: 'groups.show',
    description: 'the consumer groups pane, as :groups does',
    when: ['topics', 'describe', 'consumer', 'producerPane'],
    hint: 'groups',
  },
  { keys: ['enter'], command: 'input.submit', description: 'send / apply', when: ['input'], hint: 'apply' },
  {
    keys: ['esc'],
    command: 'input.cancel',
    description: 'leave the input (a filter is cleared, a message draft kept)',
    when: ['input'],
    hint: 'cancel',
  },
  { keys: ['up'], command: 'input.historyPrevious', description: 'previous line sent to this topic', when: ['producer'], hint: 'history' },
  { keys: ['down'], command: 'input.historyNext', description: 'next line in the history', when: ['producer'] },
];

/** The binding for a key in the first context (most specific first) that has one. */
export function resolveKey(key: string, contexts: readonly KeyContext[], keymap = KEYMAP): Binding | undefined {
  for (const context of contexts) {
    const binding = keymap.find((b) => b.when.includes(context) && b.keys.includes(key));
    if (binding) return binding;
  }
  return undefined;
}

/** Why `command` cannot run in `state`, from the first of its bindings that says. */
export function disabledReason(command: Command, state: CommandState, keymap: readonly Binding[] = KEYMAP): string | undefined {
  for (const binding of keymap) {
    if (binding.command === command && binding.disabledReason) return binding.disabledReason(state);
  }
  return undefined;
}

/** The hint bar: the focused context's hinted bindings first, then the global ones. */
export function hintsFor(contexts: readonly KeyContext[], keymap = KEYMAP): Array<{ key: string; hint: string }> {
  const seen = new Set<string>();
  const hints: Array<{ key: string; hint: string }> = [];
  for (const context of contexts) {
    for (const binding of keymap) {
      if (!binding.hint || !binding.when.includes(context) || seen.has(binding.command)) continue;
      // A key the more specific context took over is not also offered by a wider one.
      if (resolveKey(binding.keys[0]!, contexts, keymap) !== binding) continue;
      seen.add(binding.command);
      hints.push({ key: displayKey(binding.keys[0]!), hint: binding.hint });
    }
  }
  return hints;
}

const CONTEXT_TITLES: Record<KeyContext, string> = {
  global: 'Everywhere',
  topics: 'Topics',
  describe: 'Describe',
  consumer: 'Consumer',
  groups: 'Groups',
  group: 'Group',
  producerPane: 'Producer pane',
  producer: 'Producer input',
  detail: 'Message detail',
  help: 'This help',
  brokers: 'Brokers',
  brokerConfigs: 'Broker configs',
  topicConfigs: 'Topic configs',
  input: 'Any input line',
};

export interface HelpSection {
  title: string;
  rows: Array<{ keys: string; description: string }>;
}

/** The `?` overlay (and the README key table) generated from the keymap. */
export function helpSections(keymap = KEYMAP): HelpSection[] {
  return (Object.keys(CONTEXT_TITLES) as KeyContext[])
    .map((context) => ({
      title: CONTEXT_TITLES[context],
      // A binding shared by several contexts is listed once, under the first, naming the others.
      rows: keymap
        .filter((b) => b.when[0] === context)
        .map((b) => ({
          keys: b.keys.map(displayKey).join(' '),
          description: b.when.length > 1 ? `${b.description} (also ${b.when.slice(1).join(', ')})` : b.description,
        })),
    }))
    .filter((section) => section.rows.length > 0);
}

const DISPLAY: Record<string, string> = {
  up: '↑',
  down: '↓',
  pgup: 'PgUp',
  pgdn: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  esc: 'Esc',
  tab: 'Tab',
  'shift+tab': 'Shift-Tab',
  space: 'Space',
};

export function displayKey(key: string): string {
  if (DISPLAY[key]) return DISPLAY[key];
  if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5).toUpperCase()}`;
  return key;
}

/** Minimal view of Ink's Key, so this module needs no Ink import. */
export interface KeyEvent {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  shift: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  meta: boolean;
}

/**
 * Names an Ink key event the way the keymap spells keys. `raw` (the bytes read) tells
 * Delete (ESC[3~) from Backspace, which Ink reports alike.
 */
export function keyName(input: string, key: KeyEvent, raw = ''): string {
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  const modifier = key.ctrl ? 'ctrl+' : key.meta ? 'meta+' : '';
  if (key.leftArrow) return `${modifier}left`;
  if (key.rightArrow) return `${modifier}right`;
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.delete && raw.startsWith('\u001b[3')) return 'delete';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
  // Alt-letter arrives as ESC then the letter.
  if (key.meta && input.length === 1) return `meta+${input}`;
  if (input === ' ') return 'space';
  return input;
}

/** The key table for the README, from the same sections as the `?` overlay. */
export function keyTableMarkdown(keymap = KEYMAP): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = ['| where | keys | what |', '|---|---|---|'];
  for (const section of helpSections(keymap)) {
    for (const row of section.rows) {
      const keys = row.keys
        .split(' ')
        .map((key) => `\`${cell(key)}\``)
        .join(' ');
      lines.push(`| ${section.title} | ${keys} | ${cell(row.description)} |`);
    }
  }
  return lines.join('\n');
}
