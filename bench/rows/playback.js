/** Row 10: 100,000 running VOD tasks with 30-item lists, the clock moved 7 days in one call (workers/playback.js). */
import { runWorker } from '../lib/child.js';
import { line } from '../lib/report.js';

export async function playbackRow(config, log) {
  const result = await runWorker(
    'workers/playback.js',
    [`--tasks=${config.playback.tasks}`, `--items=30`, `--samples=${config.playback.samples}`],
    { execArgv: ['--expose-gc'] },
  );
  log(
    `  playback: ${result.tasks} tasks, +7 days in ${result.advance.wallMs.toFixed(0)} ms (${result.transitions.listEnds} list ends), RSS ${result.memory.afterAdvance.rssMb.toFixed(0)} MB, Describe p50 ${result.describe.p50Ms.toFixed(2)} ms`,
  );
  const row = 10;
  const n = result.tasks.toLocaleString('en-US');
  const lines = [
    line({
      row,
      measure: `${n} running VOD tasks × ${result.items} videos: task clock +7 days in one POST /_emulator/clock (${result.transitions.listEnds.toLocaleString('en-US')} list ends applied)`,
      unit: 'ms',
      digits: 0,
      ours: result.advance.wallMs,
      target: { op: '<=', value: 2000 },
      absolute: true,
    }),
    line({
      row,
      measure: 'CPU time of that call (the emulator process: HTTP, every transition, the answer)',
      unit: 'ms',
      digits: 0,
      ours: result.advance.cpuMs,
    }),
    line({
      row,
      measure: 'RSS after GC, tasks created and clock advanced',
      unit: 'MB',
      ours: Math.max(result.memory.afterCreate.rssMb, result.memory.afterAdvance.rssMb),
      target: { op: '<=', value: 300 },
      absolute: true,
    }),
    line({
      row,
      measure: 'DescribeLivePullToPush p50 over HTTP, position computed from the timeline',
      unit: 'ms',
      digits: 2,
      ours: result.describe.p50Ms,
      target: { op: '<=', value: 1 },
      absolute: true,
    }),
  ];
  return { lines, data: result };
}
