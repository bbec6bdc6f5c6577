// The `keys` section of the config file: per context, a command and the keys that run it.
//   { "keys": { "topics": { "consume.start": ["x"] }, "global": { "app.quit": "Q" } } }
// An entry replaces that command's keys in that context only. Any mistake (an unknown
// context or command, a bad key name, a key already taken) is one error naming the entry,
// and then the default keymap is used whole: half a remap would be more confusing than none.
import { KEYMAP, type Binding, type Command, type KeyContext } from './keymap.js';

export interface EffectiveKeymap {
  keymap: readonly Binding[];
  /** One line, naming the entry at fault, when the remap was refused. */
  error?: string;
}

/** Listed by `kafka-tui keys`; the producer pane's one key (Enter: start typing) is not remappable yet. */
const LISTED: readonly KeyContext[] = [
  'global',
  'topics',
  'describe',
  'consumer',
  'groups',
  'group',
  'producerPane',
  'producer',
  'detail',
  'help',
  'brokers',
  'brokerConfigs',
  'topicConfigs',
  'input',
];
/** Contexts a remap may name: every listed one but the producer pane's. */
const CONTEXTS: readonly KeyContext[] = LISTED.filter((context) => context !== 'producerPane');

/** The contexts a key is looked up in, most specific first (see ui/focus.ts). */
const CHAINS: ReadonlyArray<readonly KeyContext[]> = [
  ['topics', 'global'],
  ['describe', 'global'],
  ['consumer', 'global'],
  ['groups', 'global'],
  ['group', 'global'],
  ['producerPane', 'global'],
  ['detail', 'global'],
  ['help', 'global'],
  ['brokers', 'global'],
  ['brokerConfigs', 'global'],
  ['topicConfigs', 'global'],
  ['producer', 'input'],
  ['input'],
];

const NAMED_KEYS = new Set(['up', 'down', 'pgup', 'pgdn', 'home', 'end', 'enter', 'esc', 'tab', 'shift+tab', 'space', 'backspace']);

/** A name keyName() can produce: one printable character, a named key, or ctrl+letter. */
export function isKeyName(key: string): boolean {
  if (NAMED_KEYS.has(key) || /^ctrl\+[a-z]$/.test(key)) return true;
  const code = [...key].length === 1 ? key.codePointAt(0)! : -1;
  // Printable ASCII (space is 'space'), or any character past the C1 controls.
  return (code > 0x20 && code < 0x7f) || code > 0x9f;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

class RemapError extends Error {}

export function applyKeyRemaps(raw: unknown, defaults: readonly Binding[] = KEYMAP): EffectiveKeymap {
  if (raw === undefined) return { keymap: defaults };
  try {
    return { keymap: remapped(raw, defaults) };
  } catch (error) {
    if (!(error instanceof RemapError)) throw error;
    return { keymap: defaults, error: `${error.message}; using the default keys` };
  }
}

function remapped(raw: unknown, defaults: readonly Binding[]): Binding[] {
  if (!isObject(raw)) throw new RemapError('config keys: expected {"<context>": {"<command>": ["<key>", ...]}}');
  let keymap = [...defaults];
  const changed = new Map<Binding, string>();
  for (const [context, commands] of Object.entries(raw)) {
    if (!CONTEXTS.includes(context as KeyContext)) {
      throw new RemapError(`config keys.${context}: unknown context (use ${CONTEXTS.join(', ')})`);
    }
    if (!isObject(commands)) throw new RemapError(`config keys.${context}: expected {"<command>": ["<key>", ...]}`);
    for (const [command, value] of Object.entries(commands)) {
      const entry = `config keys.${context}.${command}`;
      if (!defaults.some((b) => b.command === command)) throw new RemapError(`${entry}: unknown command (see: kafka-tui keys)`);
      const keys = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'string')) {
        throw new RemapError(`${entry}: expected a key or a list of keys, e.g. ["x"]`);
      }
      const bad = keys.find((k) => !isKeyName(k));
      if (bad !== undefined) throw new RemapError(`${entry}: '${bad}' is not a key name (e.g. x, X, ctrl+x, enter, pgdn)`);
      const original = keymap.find((b) => b.command === command && b.when.includes(context as KeyContext));
      if (!original) throw new RemapError(`${entry}: ${command} has no key in ${context} (see: kafka-tui keys)`);
      // A binding shared by several contexts keeps its keys in the others.
      const others = original.when.filter((c) => c !== context);
      const replacement: Binding = { ...original, keys, when: [context as KeyContext] };
      const at = keymap.indexOf(original);
      keymap = [
        ...keymap.slice(0, at),
        ...(others.length > 0 ? [{ ...original, when: others }] : []),
        replacement,
        ...keymap.slice(at + 1),
      ];
      changed.set(replacement, entry);
    }
  }
  for (const chain of CHAINS) {
    const owner = new Map<string, Binding>();
    for (const context of chain) {
      for (const binding of keymap.filter((b) => b.when.includes(context))) {
        for (const key of binding.keys) {
          const other = owner.get(key);
          if (other && other !== binding && (changed.has(binding) || changed.has(other))) {
            const entry = changed.get(binding) ?? changed.get(other)!;
            const taken = changed.has(binding) ? other : binding;
            throw new RemapError(`${entry}: '${key}' is already ${taken.command} in ${chain[0]}`);
          }
          owner.set(key, other ?? binding);
        }
      }
    }
  }
  return keymap;
}

/** Every binding as one row per context, for `kafka-tui keys`. */
export function keyTable(
  keymap: readonly Binding[],
): Array<{ context: KeyContext; command: Command; keys: string[]; description: string }> {
  return LISTED.flatMap((context) =>
    keymap
      .filter((b) => b.when.includes(context))
      .map((b) => ({ context, command: b.command, keys: [...b.keys], description: b.description })),
  );
}
