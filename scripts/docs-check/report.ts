import type { Difference } from './compare.js';

/** A difference and the decision of spec/decisions.md that accepts it, if any. */
export interface ReviewedDifference extends Difference {
  /** The id of the accepting decision. */
  readonly decision?: string;
  /** Why the decision recorded for this difference no longer describes it; the difference is drift. */
  readonly stale?: string;
}

export interface Report {
  /** What was compared, e.g. `vendor page UpdateLivePullToPush.txt (UpdateLivePullToPush)`. */
  readonly source: string;
  readonly spec: string;
  readonly differences: readonly ReviewedDifference[];
  readonly notes: readonly string[];
}

/**
 * The report as lines: drift first (one line each: operation, what differs, what the vendor says,
 * what the spec says), then the differences accepted by a decision, then notes and a summary.
 */
export function formatReport(report: Report): string[] {
  const drift = report.differences.filter((d) => d.decision === undefined);
  const accepted = report.differences.filter((d) => d.decision !== undefined);
  const lines = [`docs:check ${report.source} against ${report.spec}`];
  if (drift.length > 0) {
    lines.push('', `Not recorded in spec/decisions.md (${drift.length}):`);
    lines.push(
      ...drift.map(
        (d) => `  DRIFT ${describeDifference(d)}${d.stale === undefined ? '' : ` (stale decision: ${d.stale})`}`,
      ),
    );
  }
  if (accepted.length > 0) {
    lines.push(
      '',
      `Accepted by a decision (${accepted.length}):`,
      ...accepted.map((d) => `  ${d.decision ?? ''} ${describeDifference(d)}`),
    );
  }
  if (report.notes.length > 0) lines.push('', 'Notes:', ...report.notes.map((note) => `  ${note}`));
  lines.push('', summary(drift.length, accepted.length));
  return lines;
}

/** One difference in words: operation, subject, field, then what each side says. */
export function describeDifference(d: Difference): string {
  const subject = d.subject === 'operation' ? '' : ` ${d.subject} ${d.parameter ?? ''}`;
  return `${d.operation}${subject} [${d.field}]: vendor: ${d.vendor}; spec: ${d.spec}`;
}

function summary(drift: number, accepted: number): string {
  if (drift === 0 && accepted === 0) return 'OK: the spec agrees with the vendor source.';
  if (drift === 0) return `OK: every difference (${accepted}) is a recorded decision.`;
  return `FAILED: ${drift} difference(s) not recorded in spec/decisions.md; ${accepted} accepted by a decision.`;
}
