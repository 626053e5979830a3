import { describe, expect, it } from 'vitest';
import { continuationEnd, continuationFile } from './list-continuation.js';

const dir = '/tmp/live-relay-a.b';
const list = `${dir}/list.ffconcat`;

describe('continuationEnd', () => {
  it('recognises the list ending at a continuation that was never written', () => {
    const lines = [
      `[concat @ 0x55d0] [error] Impossible to open '${continuationFile(dir, 2)}'`,
      `[error] ${list}: No such file or directory`,
    ];
    expect(continuationEnd(lines, dir, list)).toEqual({ missing: 2, errorLines: [] });
    // Re-encoding, each decoder flushed at the end reads the failed list once more.
    const encoding = [...lines, `[error] ${list}: Input/output error`, `[error] ${list}: Input/output error`];
    expect(continuationEnd(encoding, dir, list)).toEqual({ missing: 2, errorLines: [] });
  });

  it('keeps every other error, and a missing source is not a continuation', () => {
    const lines = [
      "[concat @ 0x55d0] [error] Impossible to open 'http://h/a.mp4'",
      `[error] ${list}: Server returned 404 Not Found`,
    ];
    expect(continuationEnd(lines, dir, list)).toEqual({ missing: undefined, errorLines: lines });
    // Another relay's directory, or a name only alike, is not ours.
    const other = [`[concat @ 0x1] [error] Impossible to open '/tmp/live-relay-aXb/more-1.ffconcat'`];
    expect(continuationEnd(other, dir, list).missing).toBeUndefined();
  });

  it('keeps a failure of the destination seen at the same time', () => {
    const push = '[error] rtmp://d/live/x: Broken pipe';
    const lines = [`[concat @ 0x1] [error] Impossible to open '${continuationFile(dir, 1)}'`, push];
    expect(continuationEnd(lines, dir, list)).toEqual({ missing: 1, errorLines: [push] });
  });
});
