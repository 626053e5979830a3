import type { OperationName } from '../../../../generated/operations.js';
import type { OperationHandler } from '../operation-types.js';
import { createTask } from './create-task.js';
import { deleteTask } from './delete-task.js';
import { describeTask } from './describe-task.js';
import { listTasks } from './list-tasks.js';
import { restartTask } from './restart-task.js';
import { stopTask } from './stop-task.js';
import { updateTask } from './update-task.js';

/** One handler per operation; the mapped type makes a new operation in the spec a compile error here. */
export const handlers: { readonly [A in OperationName]: OperationHandler<A> } = {
  CreateLivePullToPush: createTask,
  UpdateLivePullToPush: updateTask,
  DescribeLivePullToPush: describeTask,
  DescribeLivePullToPushList: listTasks,
  StopLivePullToPush: stopTask,
  RestartLivePullToPush: restartTask,
  DeleteLivePullToPush: deleteTask,
};
