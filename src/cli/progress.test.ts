import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startProgress } from './progress.js';

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

describe('startProgress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws nothing for work that ends before the delay', () => {
    const { writes, stream } = sink(true);
    const progress = startProgress(stream, 500);
    progress.update('page 1');
    vi.advanceTimersByTime(499);
    progress.done();
    vi.advanceTimersByTime(1000);
    expect(writes).toEqual([]);
  });

  it('appears after the delay, redraws in place and erases itself when done', () => {
    const { writes, stream } = sink(true);
    const progress = startProgress(stream, 500);
    progress.update('page 1');
    vi.advanceTimersByTime(500);
    progress.update('page 2');
    progress.done();
    expect(writes).toEqual(['\r\x1b[Kpage 1', '\r\x1b[Kpage 2', '\r\x1b[K']);
  });

  it('never writes to a stream that is not a terminal', () => {
    const { writes, stream } = sink(false);
    const progress = startProgress(stream, 500);
    progress.update('page 1');
    vi.advanceTimersByTime(5000);
    progress.done();
    expect(writes).toEqual([]);
  });
});
