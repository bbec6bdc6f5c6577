// A reader for Java's .properties syntax (java.util.Properties.load), the format of Kafka's
// client.properties. No npm parser of this format is a dependency; this follows the Javadoc of
// Properties.load(Reader) and nothing beyond it:
// - lines starting (after blanks) with # or ! are comments; blank lines are skipped;
// - a line ending in an odd number of backslashes continues on the next, whose leading blanks are dropped;
// - the key ends at the first unescaped '=', ':' or blank; blanks around that separator are dropped;
// - escapes: \t \n \r \f, \uXXXX, and a backslash before any other character stands for that character;
// - a later key replaces an earlier one.

/** The logical lines of the text: comments and blank lines gone, continuations joined. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending: string | undefined;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/^[ \t\f]+/, '');
    if (pending === undefined && (line === '' || line.startsWith('#') || line.startsWith('!'))) continue;
    const trailing = /\\*$/.exec(line)![0].length;
    const continues = trailing % 2 === 1;
    const body = continues ? line.slice(0, -1) : line;
    pending = (pending ?? '') + body;
    if (!continues) {
      lines.push(pending);
      pending = undefined;
    }
  }
  if (pending !== undefined) lines.push(pending);
  return lines;
}

function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escaped: string) => {
    if (escaped.length === 5) return String.fromCharCode(Number.parseInt(escaped.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', f: '\f' }[escaped] ?? escaped;
  });
}

export function parseJavaProperties(text: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const line of logicalLines(text)) {
    let end = 0;
    while (end < line.length && !'=: \t\f'.includes(line[end]!)) end += line[end] === '\\' ? 2 : 1;
    const key = line.slice(0, Math.min(end, line.length));
    let rest = line.slice(end).replace(/^[ \t\f]*/, '');
    if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(/^[ \t\f]*/, '');
    properties.set(unescape(key), unescape(rest));
  }
  return properties;
}
