import { randomUUID } from 'node:crypto';
import { checkRequest, TASK_STATES } from '../../../rules/index.js';
import type { TaskInfo, TaskRecord } from '../../lifecycle/task-record.js';
import { startRelay } from '../../lifecycle/transitions.js';
import type { OperationHandler } from '../operation-types.js';
import { integerDefault } from '../param-default.js';
import { throwIfIssues } from '../rule-issues.js';

/** The spec's defaults for what Create may omit (RetryCount 3 retries, RetryInterval 60 s, RepeatNumber 0, FileIndex 0). */
const DEFAULTS = {
  RetryCount: integerDefault('CreateLivePullToPush', 'RetryCount'),
  RetryInterval: integerDefault('CreateLivePullToPush', 'RetryInterval'),
  RepeatNumber: integerDefault('CreateLivePullToPush', 'RepeatNumber'),
  FileIndex: integerDefault('CreateLivePullToPush', 'FileIndex'),
};

/**
 * CreateLivePullToPush: a new Idle task with a random UUID. A StartTime already past starts it
 * at once (Running, announced at the current task time).
 */
export const createTask: OperationHandler<'CreateLivePullToPush'> = (runtime, params, nowMs) => {
  throwIfIssues(checkRequest('CreateLivePullToPush', params, { now: new Date(nowMs) }));
  const id = randomUUID();
  const info: TaskInfo = {
    TaskId: id,
    TaskName: params.TaskName ?? '',
    StartTime: params.StartTime,
    EndTime: params.EndTime,
    SourceType: params.SourceType,
    ...(params.SourceProtocol === undefined ? {} : { SourceProtocol: params.SourceProtocol }),
    SourceUrls: [...params.SourceUrls],
    DstUrl: params.DstUrl,
    CallbackURL: params.CallbackUrl ?? '',
    RepeatNumber: params.RepeatNumber ?? DEFAULTS.RepeatNumber,
    RetryCount: params.RetryCount ?? DEFAULTS.RetryCount,
    RetryInterval: params.RetryInterval ?? DEFAULTS.RetryInterval,
    // No offset is stored as 0 (the documented example), since Offset itself must be >= 1.
    Offset: params.Offset ?? 0,
    FileIndex: params.FileIndex ?? DEFAULTS.FileIndex,
  };
  const task: TaskRecord = {
    id,
    seq: runtime.store.nextSeq(),
    region: params.Region,
    info,
    relay: { sourceUrls: info.SourceUrls, fileIndex: info.FileIndex, offset: info.Offset },
    status: TASK_STATES.Idle,
  };
  const startsNow = Date.parse(info.StartTime) <= nowMs;
  runtime.commit(task, startsNow && startRelay(task, nowMs), nowMs);
  return { RetCode: 0, Description: 'OK', TaskId: id };
};
