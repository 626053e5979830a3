import { describe, expect, it } from 'vitest';
import { classifyExit, type ExitFacts, isErrorLine } from './failure-class.js';

const DST = 'rtmp://127.0.0.1:19351/live/s';
const SRC = 'http://127.0.0.1:8080/a.mp4';
const LIST = '/tmp/relay-x/list.ffconcat';

function facts(code: number | null, errorLines: string[], reachedListEnd = false): ExitFacts {
  return { code, errorLines, destination: DST, sources: [LIST, SRC], reachedListEnd };
}

// Signatures recorded on this machine (shared/docs/ffmpeg-relay-notes.md §2).
describe('classifyExit', () => {
  it.each([
    ['source 404', 1, [`[error] ${SRC}: Server returned 404 Not Found`]],
    [
      '404 on a later list entry',
      0,
      [`[concat @ 0x55d1] [error] Impossible to open '${SRC}'`, `[error] ${LIST}: Server returned 404 Not Found`],
    ],
    [
      'source refused',
      1,
      [
        '[tcp @ 0x5a] [error] Connection to tcp://127.0.0.1:8080 failed: Connection refused',
        `[error] ${SRC}: Connection refused`,
      ],
    ],
    ['http server dies mid-file', 0, [`[error] ${SRC}: Input/output error`]],
    ['live source silent', 1, [`[error] ${SRC}: Connection timed out`]],
  ])('%s is the pull side', (_name, code, lines) => {
    expect(classifyExit(facts(code, lines))).toMatchObject({ kind: 'failed', reason: 'PullStreamFailed' });
  });

  it.each([
    [
      'destination refused',
      1,
      [
        '[tcp @ 0x5a] [error] Connection to tcp://127.0.0.1:19351 failed: Connection refused',
        `[error] ${DST}: Connection refused`,
      ],
    ],
    [
      'name taken',
      1,
      ['[rtmp @ 0x1] [error] Server error: Already publishing', `[error] ${DST}: Operation not permitted`],
    ],
    [
      'destination dies',
      1,
      [
        '[flv @ 0x2] [error] av_interleaved_write_frame(): Broken pipe',
        `[error] Error writing trailer of ${DST}: Broken pipe`,
      ],
    ],
    [
      'destination silent',
      1,
      ['[rtmp @ 0x1] [error] Cannot read RTMP handshake response', `[error] ${DST}: Connection timed out`],
    ],
  ])('%s is the push side', (_name, code, lines) => {
    expect(classifyExit(facts(code, lines))).toMatchObject({ kind: 'failed', reason: 'PushStreamFailed' });
  });

  it('keeps ffmpeg’s own words as the detail, without its prefixes', () => {
    expect(
      classifyExit(facts(1, ['[tcp @ 0x5a] [error] Connection refused', `[error] ${DST}: Connection refused`])),
    ).toEqual({
      kind: 'failed',
      reason: 'PushStreamFailed',
      detail: `${DST}: Connection refused`,
    });
  });

  it('a list that reached its end with status 0 finished; one that did not, lost its source', () => {
    expect(classifyExit(facts(0, [], true))).toEqual({ kind: 'finished' });
    expect(classifyExit(facts(0, [], false))).toEqual({
      kind: 'failed',
      reason: 'PullStreamFailed',
      detail: 'the source ended',
    });
  });

  it('matches a URL followed by a colon, not a URL that merely starts the same way', () => {
    const longer = `[error] ${DST}2: Connection refused`;
    expect(classifyExit(facts(1, [longer]))).toMatchObject({ reason: 'PullStreamFailed' });
  });
});

describe('isErrorLine', () => {
  it('keeps error and fatal lines only', () => {
    expect(isErrorLine('[flv @ 0x1] [warning] Failed to update header')).toBe(false);
    expect(isErrorLine('[error] x: y')).toBe(true);
    expect(isErrorLine('[fatal] x')).toBe(true);
  });
});
