import type { OperationName } from '../../generated/operations.js';
import { TASK_STATES, taskStateName } from '../rules/task-state.js';
import type { OutputFormat } from './global-options.js';
import { cellText, renderKeyValue, renderTable } from './table.js';

/**
 * Renders a response body for stdout. `json`: the body exactly as received, pretty-printed with
 * two spaces. `table`: one row per task for a task list (List, and `--all`), key/value rows
 * otherwise.
 */
export function formatOutput(action: OperationName, body: unknown, format: OutputFormat): string {
  if (format === 'json' || !isRecord(body)) return `${JSON.stringify(body, null, 2)}\n`;
  const tasks = body['TaskList'];
  if (action === 'DescribeLivePullToPushList' && Array.isArray(tasks)) return taskListTable(body, tasks);
  return renderKeyValue(body, (key, value) => {
    const name = key === 'TaskStatus' ? statusText(value) : undefined;
    return name === undefined || name === String(value) ? undefined : `${name} (${String(value)})`;
  });
}

const LIST_COLUMNS = ['TaskId', 'TaskName', 'TaskStatus', 'StartTime', 'EndTime', 'DstUrl'] as const;

function taskListTable(body: Readonly<Record<string, unknown>>, tasks: readonly unknown[]): string {
  const rows = tasks.filter(isRecord).map((task) => {
    const info = isRecord(task['TaskInfo']) ? task['TaskInfo'] : {};
    return [
      cellText(task['TaskId'] ?? info['TaskId']),
      cellText(info['TaskName']),
      statusText(task['TaskStatus']) ?? '',
      cellText(info['StartTime']),
      cellText(info['EndTime']),
      cellText(info['DstUrl']),
    ];
  });
  const total = typeof body['Total'] === 'number' ? body['Total'] : tasks.length;
  const page =
    typeof body['PageNumber'] === 'number' && typeof body['PageSize'] === 'number'
      ? ` (page ${body['PageNumber']}, ${body['PageSize']} per page)`
      : '';
  const summary = `${tasks.length} of ${total} task${total === 1 ? '' : 's'}${page}\n`;
  return (rows.length > 0 ? renderTable(LIST_COLUMNS, rows) : '') + summary;
}

/** `1` → `Running`; an unknown number prints as itself. */
function statusText(value: unknown): string | undefined {
  if (typeof value !== 'number') return undefined;
  const known = (Object.values(TASK_STATES) as number[]).includes(value);
  return known ? taskStateName(value as (typeof TASK_STATES)[keyof typeof TASK_STATES]) : String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
