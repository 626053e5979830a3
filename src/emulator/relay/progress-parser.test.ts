import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProgressParser, type ProgressBlock } from './progress-parser.js';

const BLOCK = [
  'frame=400',
  'fps=25.00',
  'bitrate=2105.3kbits/s',
  'total_size=4239360',
  'out_time_us=16107000',
  'out_time_ms=16107000',
  'out_time=00:00:16.107000',
  'dup_frames=0',
  'drop_frames=0',
  'speed=   1x',
  'progress=continue',
  '',
].join('\n');

describe('createProgressParser', () => {
  it('reads out_time_us and speed from a block', () => {
    const blocks: ProgressBlock[] = [];
    createProgressParser((block) => blocks.push(block))(BLOCK);
    expect(blocks).toEqual([{ outSeconds: 16.107, speed: 1, end: false }]);
  });

  it('treats N/A as unknown and sees the last block', () => {
    const blocks: ProgressBlock[] = [];
    createProgressParser((block) => blocks.push(block))('out_time_us=N/A\nspeed=N/A\nprogress=end\n');
    expect(blocks).toEqual([{ outSeconds: 0, speed: undefined, end: true }]);
  });

  it('gives the same blocks however the output is cut into chunks', () => {
    const text = `${BLOCK + BLOCK.replace('16107000', '17107000')}out_time_us=18000000\nspeed=1.01x\nprogress=end\n`;
    const whole: ProgressBlock[] = [];
    createProgressParser((block) => whole.push(block))(text);
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 12 }), (cuts) => {
        const points = [...new Set([0, ...cuts, text.length])].sort((a, b) => a - b);
        const pieces: ProgressBlock[] = [];
        const feed = createProgressParser((block) => pieces.push(block));
        for (let i = 1; i < points.length; i += 1) feed(text.slice(points[i - 1], points[i]));
        expect(pieces).toEqual(whole);
      }),
    );
    expect(whole.map((block) => block.outSeconds)).toEqual([16.107, 17.107, 18]);
  });
});
