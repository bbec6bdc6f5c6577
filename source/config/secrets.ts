// Secrets by reference: a password comes from an environment variable, a file only its owner can
// read, a command (a password manager's CLI), or a hidden prompt. Profiles store the reference,
// never the secret; the secret lives only in memory, and never in a child's arguments.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { KafkaUserError } from '../kafka/errors.js';

export type SecretSource =
  | { from: 'env'; name: string; promptIfUnset: boolean }
  | { from: 'file'; path: string }
  | { from: 'command'; command: string }
  /** Given in clear where the user keeps it: a client.properties file, or (warned about) a flag. */
  | { from: 'value'; value: string };

/** Where the secret comes from, in words that never include it. */
export function describeSource(source: SecretSource): string {
  switch (source.from) {
    case 'env':
      return `$${source.name}`;
    case 'file':
      return `file ${source.path}`;
    case 'command':
      return `command '${source.command}'`;
    case 'value':
      return 'given value';
  }
}

function fromFile(path: string): string {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    throw new KafkaUserError(`cannot read password file ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  if ((mode & 0o077) !== 0) {
    throw new KafkaUserError(`password file ${path} is readable by others (mode ${(mode & 0o777).toString(8)}): chmod 600 ${path}`);
  }
  // One trailing newline is how editors and `echo` end a file; it is not part of the password.
  return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
}

function fromCommand(command: string): string {
  // The shell runs it as typed (pipes, quoting); its stderr and a terminal stay the user's, for its own prompts.
  const result = spawnSync('/bin/sh', ['-c', command], { stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8', timeout: 120_000 });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    throw new KafkaUserError(`password command '${command}' failed (${why})`);
  }
  return result.stdout.replace(/\r?\n$/, '');
}

export async function readSecret(
  source: SecretSource,
  env: NodeJS.ProcessEnv,
  prompt: (() => Promise<string>) | undefined,
  what: string,
): Promise<string> {
  let secret: string | undefined;
  switch (source.from) {
    case 'value':
      secret = source.value;
      break;
    case 'file':
      secret = fromFile(source.path);
      break;
    case 'command':
      secret = fromCommand(source.command);
      break;
    case 'env':
      secret = env[source.name];
      if (secret === undefined && source.promptIfUnset && prompt) secret = await prompt();
      if (secret === undefined) throw new KafkaUserError(`${what} missing: set ${source.name} or run on a terminal to be prompted`);
      break;
  }
  if (!secret) throw new KafkaUserError(`${what} from ${describeSource(source)} is empty`);
  return secret;
}
