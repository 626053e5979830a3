import type { ListPlan, PlaylistPlan } from './playlist-plan.js';

/**
 * Where a plan stands after `playedMs` of playing: the video (`index`), how far into it
 * (`offsetMs`) and which pass (0 = the first). `finished`: the last pass has ended; the position
 * is then the end of the last video.
 */
export interface PlayPosition {
  readonly index: number;
  readonly offsetMs: number;
  readonly pass: number;
  readonly finished: boolean;
}

/** What stops a playing plan by itself: the end of its last pass, or a video that cannot be pulled. */
export interface PlayStop {
  readonly kind: 'list-end' | 'missing';
  /** Played milliseconds at which it happens. */
  readonly atPlayedMs: number;
}

/** One stretch of one video a player plays in a row: seek to `fromMs`, play `durationMs`. */
export interface PlaySegment {
  readonly index: number;
  readonly source: string;
  readonly pass: number;
  readonly fromMs: number;
  readonly durationMs: number;
  readonly missing: boolean;
}

/** The offset the first video actually starts at: an Offset past its end plays none of it. */
const firstOffsetMs = (plan: ListPlan): number =>
  Math.min(plan.startOffsetMs, plan.items[plan.startIndex]?.durationMs ?? 0);

/** Length of the first pass (from FileIndex/Offset to the end of the list), in ms. */
export function firstPassMs(plan: ListPlan): number {
  let total = -firstOffsetMs(plan);
  for (let i = plan.startIndex; i < plan.items.length; i++) total += plan.items[i]!.durationMs;
  return Math.max(total, 0);
}

/** Length of one whole pass, in ms. */
export function cycleMs(plan: ListPlan): number {
  let total = 0;
  for (const item of plan.items) total += item.durationMs;
  return total;
}

/** Played ms at which the last pass ends; Infinity for a loop or a stream. */
export function planLengthMs(plan: PlaylistPlan): number {
  if (plan.kind === 'stream' || plan.passes === null || plan.items.length === 0) return Infinity;
  if (plan.passes <= 0) return 0;
  return firstPassMs(plan) + (plan.passes - 1) * cycleMs(plan);
}

/**
 * The position after `playedMs` of playing, computed from the plan alone (no ticking): the pass
 * is found by division, the video by walking at most one list.
 */
export function positionAt(plan: ListPlan, playedMs: number): PlayPosition {
  const items = plan.items;
  const last = items.length - 1;
  if (last < 0) return { index: 0, offsetMs: 0, pass: 0, finished: true };
  const length = planLengthMs(plan);
  if (playedMs >= length) {
    return {
      index: last,
      offsetMs: items[last]!.durationMs,
      pass: Math.max((plan.passes ?? 1) - 1, 0),
      finished: true,
    };
  }
  const first = firstPassMs(plan);
  if (playedMs < first) return walk(plan, plan.startIndex, firstOffsetMs(plan) + playedMs, 0);
  const cycle = cycleMs(plan);
  const intoCycles = playedMs - first;
  return walk(plan, 0, intoCycles % cycle, 1 + Math.floor(intoCycles / cycle));
}

function walk(plan: ListPlan, index: number, offsetMs: number, pass: number): PlayPosition {
  const items = plan.items;
  let i = index;
  let offset = offsetMs;
  while (i < items.length - 1 && offset >= items[i]!.durationMs) {
    offset -= items[i]!.durationMs;
    i++;
  }
  return { index: i, offsetMs: offset, pass, finished: false };
}

/**
 * The next thing that stops the plan by itself at or after `playedMs`: reaching a missing video
 * (at once when the current one is missing) or the end of the last pass. Undefined for a loop or
 * a stream that nothing stops.
 */
export function nextStop(plan: PlaylistPlan, playedMs: number): PlayStop | undefined {
  if (plan.kind === 'stream') return plan.missing ? { kind: 'missing', atPlayedMs: playedMs } : undefined;
  const length = planLengthMs(plan);
  const end: PlayStop | undefined = Number.isFinite(length) ? { kind: 'list-end', atPlayedMs: length } : undefined;
  if (playedMs >= length) return end;
  const items = plan.items;
  const here = positionAt(plan, playedMs);
  if (items[here.index]!.missing) return { kind: 'missing', atPlayedMs: playedMs };
  // Every video comes round within one list's worth of steps, so that many is enough to look at.
  let at = playedMs + items[here.index]!.durationMs - here.offsetMs;
  let i = here.index + 1;
  for (let step = 0; step < items.length && at < length; step++, i++) {
    if (i === items.length) i = 0;
    const item = items[i]!;
    if (item.missing) return { kind: 'missing', atPlayedMs: at };
    at += item.durationMs;
  }
  return end;
}

/**
 * What a player plays from `playedMs` on, in order: the rest of the current video, then each
 * following one, pass after pass, up to the end of the plan (endless for a loop: take what you need).
 * Nothing for a stream, which a player relays as it is.
 */
export function* planSegments(plan: PlaylistPlan, playedMs = 0): Generator<PlaySegment> {
  if (plan.kind === 'stream' || plan.items.length === 0) return;
  const length = planLengthMs(plan);
  if (playedMs >= length) return;
  const items = plan.items;
  const here = positionAt(plan, playedMs);
  let at = playedMs;
  let index = here.index;
  let pass = here.pass;
  let fromMs = here.offsetMs;
  while (at < length) {
    const item = items[index]!;
    const durationMs = Math.min(item.durationMs - fromMs, length - at);
    if (durationMs > 0) yield { index, source: item.source, pass, fromMs, durationMs, missing: item.missing };
    at += Math.max(durationMs, 0);
    fromMs = 0;
    index += 1;
    if (index === items.length) {
      index = 0;
      pass += 1;
    }
  }
}
