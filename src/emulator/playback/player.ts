import type { ExitReason, FaultReason, OfflineReason } from '../lifecycle/task-record.js';
import type { PlaylistPlan } from './playlist-plan.js';

/**
 * What one task's relay should be doing after a committed change: playing `plan` from
 * `playedMs` since task time `atMs`, or standing still there (Idle, Recovering, Offline, Exit).
 * `planSegments(plan, playedMs)` lists the files, seek offsets and lengths to play in order.
 */
export interface PlayerState {
  readonly taskId: string;
  readonly playing: boolean;
  readonly plan: PlaylistPlan;
  readonly playedMs: number;
  readonly atMs: number;
  /** Which run of the task this is (1 = the first start; each Restart adds one). */
  readonly run: number;
  /** TaskStatus after the change (for a player's log). */
  readonly status: number;
  /** Why it is Recovering or Offline, when something says why. */
  readonly reason?: OfflineReason;
  /** Why it exited (Exit). */
  readonly exitReason?: ExitReason;
  /** The task's DstUrl. */
  readonly destination: string;
  /**
   * Recovering from a failure the player reported: the retry now due (1-based). The player tries
   * the relay once and reports `recovered` or `failed`; the schedule counts the retries.
   */
  readonly retry?: number;
}

/**
 * The seam between the task model and whatever plays the media. Without a player the task
 * clock plays every plan virtually: positions come from the timeline and the schedule ends lists
 * and fails missing media. A real player (an ffmpeg relay) gets every task's state after each
 * committed change, plays the same plan, and reports back through
 * `TaskService.reportPlayback` (where it stands, a failure, the end of the list).
 */
export interface Player {
  /**
   * True when the player reports list ends and pull failures itself (`finished`, `failed`);
   * the schedule then plans neither from the timeline.
   */
  readonly reportsStops: boolean;
  /** The task's relay should now be in `state`; called after every committed change, so it must be idempotent. */
  sync(state: PlayerState): void;
  /** The task is gone (purged, reset or the service closed): stop whatever plays it. */
  forget(taskId: string): void;
}

/** What a player tells the model about a task it plays. */
export type PlaybackReport =
  /** Where the player stands now, in played ms of the task's plan; the timeline follows it. */
  | { readonly kind: 'position'; readonly playedMs: number }
  /** Pulling the source or pushing to the destination failed: Recovering, then the task's retries. */
  | { readonly kind: 'failed'; readonly reason: FaultReason }
  /** The last pass of the list has ended. */
  | { readonly kind: 'finished' }
  /** A retry of a failure the player reported is up again: Running, playback resumes. */
  | { readonly kind: 'recovered' };
