/** Plain-English length of a span of time, for rule messages ("8 days 2 hours", "1 second"). */

const UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * Spells `milliseconds` in days, hours, minutes and seconds, omitting zero units. The sign is
 * dropped and sub-second remainders are truncated: the API's timestamps have whole seconds.
 */
export function describeDuration(milliseconds: number): string {
  let rest = Math.floor(Math.abs(milliseconds) / 1000);
  const parts: string[] = [];
  for (const [name, seconds] of UNITS) {
    const count = Math.floor(rest / seconds);
    rest -= count * seconds;
    if (count > 0) parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
  }
  return parts.length > 0 ? parts.join(' ') : '0 seconds';
}
