// The `:` command line, k9s style.
export type LineCommand =
  | { kind: 'topics' }
  | { kind: 'brokers' }
  | { kind: 'groups' }
  | { kind: 'describe'; topic?: string }
  | { kind: 'consume'; topic?: string }
  | { kind: 'produce'; topic?: string }
  | { kind: 'quit' };

export const COMMAND_LINE_HELP = 'topics, groups, brokers, describe T, consume T, produce T, q';

export function parseCommandLine(text: string): LineCommand {
  const [name = '', topic, ...extra] = text.trim().split(/\s+/);
  if (extra.length > 0) throw new Error(`too many words: use ${COMMAND_LINE_HELP}`);
  switch (name) {
    case 'topics':
    case 'brokers':
    case 'groups':
      if (topic !== undefined) throw new Error(`:${name} takes no argument`);
      return { kind: name };
    case 'describe':
    case 'consume':
    case 'produce':
      return { kind: name, topic };
    case 'q':
    case 'quit':
      return { kind: 'quit' };
    default:
      throw new Error(`unknown command ':${name}': use ${COMMAND_LINE_HELP}`);
  }
}
