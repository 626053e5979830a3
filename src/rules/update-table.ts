import { type UpdateOutcome, updateRules } from '../../generated/operations.js';

/** The words the CLI help and the docs page use for each cell of the Update table. */
export const OUTCOME_WORDS: Readonly<Record<UpdateOutcome, string>> = {
  immediately: 'immediately',
  'after-current-video': 'after the current video',
  'next-restart': 'at the next restart',
  'next-event': 'from the next event',
  'first-video-only': 'first video only',
  'no-effect': 'accepted, no effect',
  refused: 'refused',
};

/** The spec's Update-by-state table laid out for reading: a row per parameter, a column per phase. */
export interface UpdateTable {
  /** Each phase's title with its TaskStatus values, e.g. `Stopped [3]`. */
  readonly headings: readonly string[];
  readonly rows: readonly { readonly param: string; readonly cells: readonly string[] }[];
  /** How a refusal is answered, one sentence per error code that some phase refuses with. */
  readonly refusals: readonly string[];
}

/** The generated `updateRules` as a parameter × phase matrix of {@link OUTCOME_WORDS}. */
export function updateTable(): UpdateTable {
  const { phases, params } = updateRules;
  const rows = Object.entries(params).map(([param, row]) => ({
    param,
    cells: phases.map(
      (phase) => OUTCOME_WORDS[(row as Readonly<Record<string, UpdateOutcome>>)[phase.name] ?? 'refused'],
    ),
  }));
  const refusing = phases.filter((_phase, i) => rows.some((row) => row.cells[i] === OUTCOME_WORDS.refused));
  const refusals = [...new Set(refusing.map((p) => `${p.refusal}:${p.refusalScope}`))].map((key) => {
    const [code, scope] = key.split(':');
    const titles = refusing.filter((p) => `${p.refusal}:${p.refusalScope}` === key).map((p) => p.title);
    const per = scope === 'task' ? 'once for the whole call' : 'one error per refused parameter';
    return `${titles.join(', ')}: refused with ${code ?? ''}, ${per}.`;
  });
  return { headings: phases.map((p) => `${p.title} [${p.statuses.join(', ')}]`), rows, refusals };
}
