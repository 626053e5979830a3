import { checkRequest, planUpdate, TASK_STATES, type UpdateChange } from '../../../rules/index.js';
import type { RelayInput, TaskInfo, TaskRecord } from '../../lifecycle/task-record.js';
import { isRelayUp, startRelay } from '../../lifecycle/transitions.js';
import { repassClock } from '../../playback/play-clock.js';
import { passesFor } from '../../playback/playlist-plan.js';
import { currentPass } from '../../playback/task-playback.js';
import { findTask } from '../find-task.js';
import type { OperationHandler, RequestParams } from '../operation-types.js';
import { throwIfIssues } from '../rule-issues.js';

type UpdateParams = RequestParams<'UpdateLivePullToPush'>;

/**
 * UpdateLivePullToPush, as the task-state table allows it. Region here is the live center the
 * task should run in, not a lookup key: before StartTime a different Region moves the task,
 * afterwards it is a refused change (CodeTaskHasStarted), so Update finds the task in any Region.
 *
 * The new values show in TaskInfo at once. What the relay uses (CurrentFileIndex,
 * CurrentOffset, the SourceUrls it pulls) changes now only for changes that take effect
 * immediately; the others wait for the next restart. A new CallbackUrl is read by the next event.
 * A StartTime moved into the past starts the task at once. A parameter the table accepts
 * without effect (StartTime once started, EndTime once ended) is neither checked nor stored.
 */
export const updateTask: OperationHandler<'UpdateLivePullToPush'> = (runtime, params, nowMs) => {
  const { task } = findTask(runtime, 'UpdateLivePullToPush', params.TaskId, undefined);
  const plan = planUpdate(task.status, params, { Region: task.region });
  throwIfIssues(plan.issues);
  if (task.exit !== undefined) return { RetCode: 0, Description: 'OK' };
  const effective = withoutParams(params, plan.ignored);
  const current = {
    Region: task.region,
    StartTime: task.info.StartTime,
    EndTime: task.info.EndTime,
    SourceType: task.info.SourceType,
    SourceUrls: task.info.SourceUrls,
    FileIndex: task.info.FileIndex,
  };
  throwIfIssues(checkRequest('UpdateLivePullToPush', effective, { now: new Date(nowMs), current }));

  applyChanges(task, plan.changes, effective);
  if (task.playback !== undefined && isRelayUp(task) && plan.changes.some((c) => c.param === 'RepeatNumber')) {
    // "Takes effect immediately": the passes left change now; the pass playing always finishes.
    const pass = currentPass(task, nowMs, runtime.media);
    task.playback = repassClock(task.playback, passesFor(task.info.RepeatNumber), pass);
  }
  const startsNow = task.status === TASK_STATES.Idle && Date.parse(task.info.StartTime) <= nowMs;
  runtime.commit(task, startsNow && startRelay(task, nowMs), nowMs);
  return { RetCode: 0, Description: 'OK' };
};

function withoutParams(params: UpdateParams, dropped: readonly string[]): UpdateParams {
  if (dropped.length === 0) return params;
  const kept: Record<string, unknown> = { ...params };
  for (const name of dropped) delete kept[name];
  return kept as UpdateParams;
}

/**
 * Writes the accepted changes: TaskInfo always, the relay input only for changes that take
 * effect immediately. Both are replaced, never mutated, since earlier responses share them.
 */
function applyChanges(task: TaskRecord, changes: readonly UpdateChange[], params: UpdateParams): void {
  const info: Partial<TaskInfo> = {};
  const relay: Partial<RelayInput> = {};
  for (const { param, takesEffect } of changes) {
    const now = takesEffect === 'immediately';
    switch (param) {
      case 'Region':
        task.region = params.Region;
        break;
      case 'CallbackUrl':
        if (params.CallbackUrl !== undefined) info.CallbackURL = params.CallbackUrl;
        break;
      case 'SourceUrls':
        if (params.SourceUrls !== undefined) {
          info.SourceUrls = [...params.SourceUrls];
          if (now) relay.sourceUrls = info.SourceUrls;
        }
        break;
      case 'FileIndex':
        if (params.FileIndex !== undefined) {
          info.FileIndex = params.FileIndex;
          if (now) relay.fileIndex = params.FileIndex;
        }
        break;
      case 'Offset':
        if (params.Offset !== undefined) {
          info.Offset = params.Offset;
          if (now) relay.offset = params.Offset;
        }
        break;
      case 'StartTime':
        if (params.StartTime !== undefined) info.StartTime = params.StartTime;
        break;
      case 'EndTime':
        if (params.EndTime !== undefined) info.EndTime = params.EndTime;
        break;
      case 'RepeatNumber':
        if (params.RepeatNumber !== undefined) info.RepeatNumber = params.RepeatNumber;
        break;
    }
  }
  task.info = { ...task.info, ...info };
  task.relay = { ...task.relay, ...relay };
}
