/** One `-progress` block of ffmpeg: how far the output has got. */
export interface ProgressBlock {
  /** Output time in seconds (`out_time_us`); starts at 0 whatever the input's inpoint. */
  outSeconds: number;
  /** Real-time factor (`speed`); undefined while ffmpeg still says `N/A`. */
  speed: number | undefined;
  /** `progress=end`: the last block. Not a success signal: a dead destination prints it too. */
  end: boolean;
}

/**
 * Reads ffmpeg's `-progress pipe:1` output: `key=value` lines, each block closed by
 * `progress=continue` or `progress=end` ("the last key … is always progress"). Feed it chunks as
 * they arrive; it calls `onBlock` once per complete block.
 */
export function createProgressParser(onBlock: (block: ProgressBlock) => void): (chunk: string) => void {
  let pending = '';
  let outUs: number | undefined;
  let speed: number | undefined;
  return (chunk) => {
    pending += chunk;
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      const eq = line.indexOf('=');
      if (eq < 0) continue;
      const key = line.slice(0, eq);
      const value = line.slice(eq + 1).trim();
      if (key === 'out_time_us') {
        const us = Number(value);
        // Before the first packet ffmpeg prints N/A or a negative sentinel.
        outUs = Number.isFinite(us) && us >= 0 ? us : undefined;
      } else if (key === 'speed') {
        const factor = Number.parseFloat(value);
        speed = value.endsWith('x') && Number.isFinite(factor) ? factor : undefined;
      } else if (key === 'progress') {
        onBlock({ outSeconds: (outUs ?? 0) / 1e6, speed, end: value === 'end' });
        outUs = undefined;
        speed = undefined;
      }
    }
  };
}
