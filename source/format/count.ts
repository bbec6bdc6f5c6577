/** A short count for a narrow column: exact below 10,000, then thousands (12k), then millions (3M); '?' when unknown. */
export function formatCount(n: number | null): string {
  if (n === null) return '?';
  if (n < 10_000) return String(n);
  if (n < 10_000_000) return `${Math.round(n / 1000)}k`;
  return `${Math.round(n / 1_000_000)}M`;
}
