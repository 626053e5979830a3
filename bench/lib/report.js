/**
 * Result lines and the printed table. A line compares ours with a peer (or with an absolute
 * budget) and says whether the target holds; `info` lines carry context and have no target.
 */
import { median } from './stats.js';

/**
 * One table line. `ratio` is ours ÷ peer unless given (`null`: none, for figures that are not
 * one number); `target` is `{ op: '<=' | '>=' | '<', value }`
 * applied to the ratio (or, with `absolute`, to ours itself).
 */
export function line({
  row,
  measure,
  ours,
  peer,
  peerName,
  ratio,
  target,
  absolute = false,
  unit = '',
  digits = 1,
  note,
}) {
  const r =
    ratio === null
      ? undefined
      : (ratio ??
        (peer === undefined
          ? undefined
          : Number.isFinite(ours) && Number.isFinite(peer) && peer !== 0
            ? ours / peer
            : NaN));
  let verdict = 'info';
  if (target !== undefined) {
    const subject = absolute ? ours : r;
    if (!Number.isFinite(subject)) verdict = 'n/a';
    else verdict = compare(subject, target) ? 'pass' : 'miss';
  }
  return {
    row,
    measure,
    unit,
    ours,
    peer,
    peerName,
    ratio: absolute ? undefined : r,
    target:
      target === undefined
        ? undefined
        : `${absolute ? '' : 'ratio '}${target.op} ${target.value}${absolute ? ` ${unit}` : ''}`.trim(),
    verdict,
    digits,
    ...(note === undefined ? {} : { note }),
  };
}

export function skipped(row, measure, reason) {
  return { row, measure, verdict: 'skipped', note: reason };
}

function compare(value, { op, value: bound }) {
  switch (op) {
    case '<=':
      return value <= bound;
    case '<':
      return value < bound;
    case '>=':
      return value >= bound;
    case '>':
      return value > bound;
    default:
      throw new Error(`unknown comparison ${op}`);
  }
}

/** Median, over repetitions, of ours ÷ peer computed within each repetition. */
export function pairedRatio(reps, oursOf, peerOf) {
  return median(reps.map((rep) => oursOf(rep) / peerOf(rep)));
}

function format(value, digits) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The table as fixed-width text (also valid inside a Markdown code block). */
export function renderTable(lines) {
  const header = ['#', 'measure', 'ours', 'peer', 'ratio', 'target', 'result'];
  const rows = lines.map((l) => [
    String(l.row),
    l.measure + (l.unit && l.verdict !== 'skipped' ? ` (${l.unit})` : ''),
    format(l.ours, l.digits),
    l.peer === undefined ? '' : `${format(l.peer, l.digits)}${l.peerName ? ` ${l.peerName}` : ''}`,
    l.ratio === undefined ? '' : `${format(l.ratio, 2)}×`,
    l.target ?? '',
    l.verdict === 'skipped' ? `skipped (${l.note})` : l.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const render = (cells) =>
    cells
      .map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(render)].join('\n');
}
