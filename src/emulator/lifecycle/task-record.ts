import type { components, operations } from '../../../generated/api.js';
import type { PlayClock } from '../playback/play-clock.js';

type TaskStatus = components['schemas']['TaskStatus'];
type DescribeBody = operations['DescribeLivePullToPush']['responses'][200]['content']['application/json'];

type DocumentedTaskInfo = NonNullable<DescribeBody['TaskInfo']>;

/**
 * The task's latest configuration, kept exactly as Describe and List show it. Create fills in
 * every field the request may omit, so only SourceProtocol (meaningless for vod and url
 * sources) can be absent.
 */
export type TaskInfo = DocumentedTaskInfo & Required<Omit<DocumentedTaskInfo, 'SourceProtocol'>>;

/** What a relay applied when it last started: Update changes these only through a restart. */
export interface RelayInput {
  sourceUrls: string[];
  fileIndex: number;
  offset: number;
}

type TaskInvalidReason = components['schemas']['TaskInvalidReason'];

/** Why a relay is failing: the source (pull) or the destination (push). */
export type FaultReason = Extract<TaskInvalidReason, 'PullStreamFailed' | 'PushStreamFailed'>;

/** An injected fault being retried. */
export interface Fault {
  reason: FaultReason;
  /** Task-clock ms when the relay failed; retry k falls due at `sinceMs + k * RetryInterval`. */
  sinceMs: number;
  retriesDone: number;
  /** The retry that succeeds (1-based); absent: every retry fails. */
  recoverAfterRetries?: number;
  /** A real player reported the failure: each retry is a real attempt whose outcome it reports. */
  byPlayer?: true;
}

/** Why the task went Offline (TaskInvalidReason): its fault, or a Stop; none when its list ended. */
export type OfflineReason = Extract<TaskInvalidReason, FaultReason | 'TriggerByUser'>;

/** Why the task exited (TaskExitReason). */
export type ExitReason = components['schemas']['TaskExitReason'];

/**
 * One task as the store keeps it: plain JSON, so the SQLite store can write it as one row.
 * Transitions mutate it in place; the service writes it back after every change.
 */
export interface TaskRecord {
  readonly id: string;
  /** Creation order; List pages in this order. */
  readonly seq: number;
  /** The live center the task runs in (the `Region` parameter). */
  region: string;
  info: TaskInfo;
  relay: RelayInput;
  /** How long the current run has played; absent before the first start. */
  playback?: PlayClock;
  /** How many times the relay has (re)started: tells a player a new run from a change to the current one. */
  runs?: number;
  status: TaskStatus;
  offlineReason?: OfflineReason;
  fault?: Fault;
  exit?: { reason: ExitReason; atMs: number };
}
