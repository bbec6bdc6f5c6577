// The clipboard over SSH and tmux: OSC 52, the one escape sequence we write on purpose, and only
// for the user's own copy command (y / Y). Terminals that cannot take it are named, not guessed at.

/** Many terminals drop a longer sequence (xterm's default limit is about 100 KB of base64). */
export const MAX_COPY_BYTES = 74_000;

/** OSC 52 "set the clipboard" with the bytes in base64, ended by BEL. */
export const osc52 = (bytes: Buffer): string => `\u001b]52;c;${bytes.toString('base64')}\u0007`;

/** Why this terminal cannot take OSC 52, or undefined when it may. */
export function clipboardRefusal(env: NodeJS.ProcessEnv): string | undefined {
  const term = env.TERM ?? '';
  if (term === '' || term === 'dumb') return `copy needs a terminal that takes OSC 52 (TERM is ${term || 'unset'})`;
  if (term === 'linux') return 'copy needs a terminal that takes OSC 52 (the Linux console does not)';
  return undefined;
}
