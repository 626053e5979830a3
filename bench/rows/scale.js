/** Row 5: the emulator holding 100,000 tasks (workers/scale.js, one process, --expose-gc). */
import { runWorker } from '../lib/child.js';
import { line } from '../lib/report.js';

export async function scaleRow(config, log) {
  const result = await runWorker(
    'workers/scale.js',
    [`--tasks=${config.scale.tasks}`, `--samples=${config.scale.samples}`],
    { execArgv: ['--expose-gc'] },
  );
  log(
    `  scale: ${result.tasks} tasks, RSS ${result.memory.after.rssMb.toFixed(0)} MB, list p50 ${result.http.pageSize10.p50Ms.toFixed(2)} ms (HTTP, 10/page)`,
  );
  const row = 5;
  const n = result.tasks.toLocaleString('en-US');
  const lines = [
    line({
      row,
      measure: `emulator with ${n} tasks: RSS after GC`,
      unit: 'MB',
      ours: result.memory.after.rssMb,
      target: { op: '<=', value: 300 },
      absolute: true,
    }),
    line({
      row,
      measure: 'DescribeLivePullToPushList p50, over HTTP, 10 per page (default)',
      unit: 'ms',
      digits: 2,
      ours: result.http.pageSize10.p50Ms,
      target: { op: '<=', value: 5 },
      absolute: true,
    }),
    line({
      row,
      measure: 'DescribeLivePullToPushList p50, over HTTP, 100 per page (max)',
      unit: 'ms',
      digits: 2,
      ours: result.http.pageSize100.p50Ms,
      target: { op: '<=', value: 5 },
      absolute: true,
    }),
    line({
      row,
      measure: 'DescribeLivePullToPushList p50, service directly, 100 per page',
      unit: 'ms',
      digits: 3,
      ours: result.direct.pageSize100.p50Ms,
    }),
    line({
      row,
      measure: 'DescribeLivePullToPushList p50, over HTTP, TaskName filter (scans all)',
      unit: 'ms',
      digits: 2,
      ours: result.http.taskNameFilter.p50Ms,
    }),
    line({ row, measure: 'heap used after GC', unit: 'MB', ours: result.memory.after.heapUsedMb }),
  ];
  return { lines, data: result };
}
