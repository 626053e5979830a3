/** Row 8: concurrent copy relays at real time (workers/relay.js; needs ffmpeg, nginx, libnginx-mod-rtmp). */
import { existsSync } from 'node:fs';
import { runWorker } from '../lib/child.js';
import { line, skipped } from '../lib/report.js';

export async function relayRow(config, log) {
  const row = 8;
  if (
    !existsSync('/usr/bin/ffmpeg') ||
    !existsSync('/usr/sbin/nginx') ||
    !existsSync('/usr/lib/nginx/modules/ngx_rtmp_module.so')
  ) {
    const reason = 'needs ffmpeg, nginx and libnginx-mod-rtmp: apt-get install ffmpeg nginx libnginx-mod-rtmp';
    log(`  relay: skipped (${reason})`);
    return { lines: [skipped(row, 'concurrent copy relays at real time', reason)], data: { skipped: reason } };
  }
  const result = await runWorker('workers/relay.js', [
    `--steps=${config.relay.steps.join(',')}`,
    `--window=${config.relay.window}`,
    `--warmup=${config.relay.warmup}`,
  ]);
  const held = result.steps.filter((step) => step.holds);
  const best = held.at(-1);
  const measured = best ?? result.steps[0];
  const lines = [
    line({
      row,
      measure: `concurrent copy relays of 720p25 H.264 2 Mbit/s + AAC, every one ≥ 0.98× real time for ${result.window} s (steps ${config.relay.steps.join(', ')})`,
      unit: 'relays',
      digits: 0,
      ours: best?.relays ?? 0,
      target: { op: '>=', value: 50 },
      absolute: true,
    }),
    line({
      row,
      measure: `CPU per relay at ${measured.relays} relays (ffmpeg + nginx receiver + supervisor, % of one core)`,
      unit: '%',
      digits: 2,
      ours: measured.cpuPercentPerRelay,
    }),
    line({
      row,
      measure: `RSS per relay (ffmpeg) at ${measured.relays} relays`,
      unit: 'MB',
      ours: measured.rssMbPerRelay,
    }),
    line({
      row,
      measure: `private memory per relay (ffmpeg) at ${measured.relays} relays`,
      unit: 'MB',
      ours: measured.privateMbPerRelay,
    }),
  ];
  return { lines, data: result };
}
