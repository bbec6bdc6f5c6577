// The text of `groups reset-offsets` as kafka-consumer-groups.sh reads and writes it: the reset-plan
// CSV (--export / --from-file), its datetime (--to-datetime), Java Duration text (--by-duration),
// topic scopes (T or T:0,1,2) and the dry-run table. Shared by the CLI and the TUI reset planner.

export interface OffsetRow {
  topic: string;
  partition: number;
  offset: number;
}

export interface GroupOffsetRow extends OffsetRow {
  group: string;
}

/** A malformed piece of input, with the one-line reason. */
export class ResetInputError extends Error {
  override name = 'ResetInputError';
}

const WHOLE = /^-?\d+$/;

function wholeNumber(text: string, what: string, where: string): number {
  const value = Number(text);
  if (!WHOLE.test(text) || !Number.isSafeInteger(value))
    throw new ResetInputError(`${where}: ${what} must be a whole number (got '${text}')`);
  return value;
}

/** The fields of one CSV line; double quotes as Jackson writes them for values with commas or quotes. */
function csvFields(line: string, where: string): string[] {
  const fields: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let value = '';
      let i = at + 1;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new ResetInputError(`${where}: unterminated quote`);
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      fields.push(value);
      if (at < line.length && line[at] !== ',') throw new ResetInputError(`${where}: text after a closing quote`);
      at++;
    } else {
      const comma = line.indexOf(',', at);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(at, end));
      at = end + 1;
    }
  }
  return fields;
}

/**
 * A reset plan: `topic,partition,offset` lines for one group, or `group,topic,partition,offset`
 * lines for several (the two layouts --export writes). Blank lines are skipped; `group` is
 * given to rows of the three-column layout.
 */
export function parseResetCsv(text: string, group?: string): GroupOffsetRow[] {
  const rows: GroupOffsetRow[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const where = `line ${index + 1}`;
    if (raw.trim() === '') return;
    const fields = csvFields(raw, where).map((f) => f.trim());
    if (fields.length === 3) {
      if (group === undefined)
        throw new ResetInputError(`${where}: expected group,topic,partition,offset when more than one group is reset`);
      rows.push({ group, ...offsetRow(fields as [string, string, string], where) });
    } else if (fields.length === 4) {
      const [rowGroup, ...rest] = fields as [string, string, string, string];
      if (rowGroup === '') throw new ResetInputError(`${where}: empty group`);
      rows.push({ group: rowGroup, ...offsetRow(rest as [string, string, string], where) });
    } else {
      throw new ResetInputError(
        `${where}: expected topic,partition,offset (or group,topic,partition,offset), got ${fields.length} field(s)`,
      );
    }
  });
  if (rows.length === 0) throw new ResetInputError('the reset plan has no rows');
  return rows;
}

function offsetRow([topic, partition, offset]: [string, string, string], where: string): OffsetRow {
  if (topic === '') throw new ResetInputError(`${where}: empty topic`);
  const row = { topic, partition: wholeNumber(partition, 'the partition', where), offset: wholeNumber(offset, 'the offset', where) };
  if (row.partition < 0) throw new ResetInputError(`${where}: the partition must not be negative`);
  if (row.offset < 0) throw new ResetInputError(`${where}: the offset must not be negative`);
  return row;
}

function csvValue(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The CSV --export prints, byte for byte as ConsumerGroupCommand does: one line per row (with
 * the group column unless exactly one group was named) and the empty line its println adds.
 */
export function formatResetCsv(rows: readonly GroupOffsetRow[], withGroup: boolean): string {
  const lines = rows.map((r) => [...(withGroup ? [r.group] : []), r.topic, String(r.partition), String(r.offset)].map(csvValue).join(','));
  return `${lines.map((line) => `${line}\n`).join('')}\n`;
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

export const DATETIME_HELP = 'yyyy-MM-ddTHH:mm:ss.SSS, in UTC unless a zone follows (Z, +01:00, -0500)';

/**
 * Epoch milliseconds of --to-datetime text, read as ConsumerGroupCommand reads it (Utils.getDateTime):
 * yyyy-MM-ddTHH:mm:ss.SSS with an optional zone, UTC when there is none. Strict like Java's
 * non-lenient parser (no 31 April); the milliseconds may be left out, which Java does not allow.
 */
export function parseResetDateTime(text: string): number {
  const match = DATETIME.exec(text.trim());
  if (!match) throw new ResetInputError(`invalid datetime '${text}': expected ${DATETIME_HELP}`);
  const [, year, month, day, hour, minute, second, millis = '0', zone = 'Z'] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const local = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], Number(millis));
  const check = new Date(local);
  const valid =
    check.getUTCFullYear() === fields[0] &&
    check.getUTCMonth() === fields[1] - 1 &&
    check.getUTCDate() === fields[2] &&
    check.getUTCHours() === fields[3] &&
    check.getUTCMinutes() === fields[4] &&
    check.getUTCSeconds() === fields[5];
  if (!valid) throw new ResetInputError(`invalid datetime '${text}': no such date or time`);
  return local - zoneOffsetMs(zone, text);
}

function zoneOffsetMs(zone: string, text: string): number {
  if (zone === 'Z') return 0;
  const [, sign, hours, minutes = '0'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  if (Number(hours) > 18 || Number(minutes) > 59) throw new ResetInputError(`invalid datetime '${text}': no such zone offset`);
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}

// java.time.Duration.parse: PnDTnHnMn.nS, each part optional and signed, the whole maybe negated.
const JAVA_DURATION = /^([-+]?)P(?:([-+]?\d+)D)?(?:T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+)(?:[.,](\d{0,9}))?S)?)?$/i;

export const DURATION_HELP = 'PnDTnHnMnS, e.g. PT1H, P1DT12H, PT30M';

/** Milliseconds of --by-duration text, read as java.time.Duration.parse reads it (fractions of a millisecond dropped). */
export function parseResetDuration(text: string): number {
  const value = text.trim();
  const match = JAVA_DURATION.exec(value);
  const [, negate, days, hours, minutes, seconds, fraction] = match ?? [];
  const hasTime = /T/i.test(value);
  const timeParts = [hours, minutes, seconds].some((part) => part !== undefined);
  if (!match || (days === undefined && !timeParts) || (hasTime && !timeParts)) {
    throw new ResetInputError(`invalid duration '${text}': expected ${DURATION_HELP}`);
  }
  const secondsSign = seconds?.startsWith('-') ? -1 : 1;
  const fractionMs = fraction ? Math.trunc(Number(`0.${fraction}`) * 1000) * secondsSign : 0;
  const ms =
    Number(days ?? 0) * 86_400_000 +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    Number(seconds ?? 0) * 1000 +
    fractionMs;
  return negate === '-' ? -ms : ms;
}

export interface TopicScope {
  topic: string;
  /** Absent: every partition of the topic. */
  partitions?: number[];
}

/** --topic text: `T` for every partition, `T:0,1,2` for some, as ConsumerGroupCommand reads it. */
export function parseTopicScope(text: string): TopicScope {
  const colon = text.indexOf(':');
  if (colon < 0) {
    if (text.trim() === '') throw new ResetInputError('empty --topic');
    return { topic: text.trim() };
  }
  const topic = text.slice(0, colon).trim();
  const list = text.slice(colon + 1);
  if (topic === '' || list.includes(':')) throw new ResetInputError(`invalid --topic '${text}': expected TOPIC or TOPIC:0,1,2`);
  const partitions = list.split(',').map((p) => {
    const value = p.trim();
    if (!/^\d+$/.test(value)) throw new ResetInputError(`invalid --topic '${text}': '${p}' is not a partition number`);
    return Number(value);
  });
  return { topic, partitions: [...new Set(partitions)].sort((a, b) => a - b) };
}

export interface ResetTableRow extends GroupOffsetRow {
  oldOffset: number | null;
  lagBefore: number | null;
  lagAfter: number | null;
}

const dash = (value: number | null) => (value === null ? '-' : String(value));

/**
 * The dry-run (and result) table: ConsumerGroupCommand's GROUP TOPIC PARTITION NEW-OFFSET
 * (GROUP and TOPIC max(15, longest) wide, as Kafka 4 prints them), then the offset each row
 * had and how its lag changes. Starts with the empty line the official tool prints.
 */
export function formatResetTable(rows: readonly ResetTableRow[]): string {
  const width = (values: string[]) => Math.max(15, ...values.map((v) => v.length));
  const groupWidth = width(rows.map((r) => r.group));
  const topicWidth = width(rows.map((r) => r.topic));
  const newWidth = width(rows.map((r) => String(r.offset)));
  const oldWidth = width(rows.map((r) => dash(r.oldOffset)));
  const line = (group: string, topic: string, partition: string, offset: string, old: string, lag: string) =>
    `${group.padEnd(groupWidth)} ${topic.padEnd(topicWidth)} ${partition.padEnd(10)} ${offset.padEnd(newWidth)} ${old.padEnd(oldWidth)} ${lag}\n`;
  const body = rows.map((r) =>
    line(r.group, r.topic, String(r.partition), String(r.offset), dash(r.oldOffset), `${dash(r.lagBefore)} -> ${dash(r.lagAfter)}`),
  );
  return `\n${line('GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET', 'OLD-OFFSET', 'LAG')}${body.join('')}`;
}
