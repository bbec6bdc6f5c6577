/**
 * `name=value` split at the first '=' (the value may contain more), or undefined when there
 * is no '=' or nothing before it. Callers word their own error: --config, --property,
 * --header and the producer's -H each name themselves.
 */
export function splitKeyValue(text: string): [string, string] | undefined {
  const at = text.indexOf('=');
  return at > 0 ? [text.slice(0, at), text.slice(at + 1)] : undefined;
}
