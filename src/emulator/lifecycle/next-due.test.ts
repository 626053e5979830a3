import { describe, expect, it } from 'vitest';
import { mediaCatalog } from '../playback/media-catalog.js';
import { nextDue } from './next-due.js';
import type { TaskRecord } from './task-record.js';

const START = Date.parse('2030-01-01T00:00:00Z');
const END = Date.parse('2030-01-01T02:00:00Z');
const RETENTION = 86_400_000;
const PLAYBACK = {
  media: mediaCatalog({ m: { durationSeconds: 60 }, gone: { durationSeconds: 60, missing: true } }),
  scheduleStops: true,
};

function task(overrides: Partial<TaskRecord> = {}, info: Partial<TaskRecord['info']> = {}): TaskRecord {
  return {
    id: 't',
    seq: 0,
    region: 'cn-shanghai',
    status: 0,
    relay: { sourceUrls: ['m'], fileIndex: 0, offset: 0 },
    info: {
      TaskId: 't',
      TaskName: '',
      StartTime: '2030-01-01T00:00:00Z',
      EndTime: '2030-01-01T02:00:00Z',
      SourceType: 'vod',
      SourceUrls: ['m'],
      DstUrl: 'rtmp://d/a/s',
      CallbackURL: '',
      RepeatNumber: 0,
      RetryCount: 3,
      RetryInterval: 60,
      Offset: 0,
      FileIndex: 0,
      ...info,
    },
    ...overrides,
  };
}

describe('nextDue', () => {
  it('starts an Idle task at StartTime', () => {
    expect(nextDue(task(), RETENTION, PLAYBACK)).toEqual({ kind: 'start', at: START });
  });

  it('ends Running and Offline tasks at EndTime', () => {
    expect(nextDue(task({ status: 1 }), RETENTION, PLAYBACK)).toEqual({ kind: 'end', at: END });
    expect(nextDue(task({ status: 3, offlineReason: 'TriggerByUser' }), RETENTION, PLAYBACK)).toEqual({
      kind: 'end',
      at: END,
    });
  });

  it('retries a Recovering task RetryInterval after the previous attempt', () => {
    const since = START + 1000;
    const recovering = task(
      { status: 2, fault: { reason: 'PullStreamFailed', sinceMs: since, retriesDone: 2 } },
      { RetryInterval: 90 },
    );
    expect(nextDue(recovering, RETENTION, PLAYBACK)).toEqual({ kind: 'retry', at: since + 3 * 90_000 });
  });

  it('gives up at once with RetryCount 0', () => {
    const since = START + 1000;
    const recovering = task(
      { status: 2, fault: { reason: 'PushStreamFailed', sinceMs: since, retriesDone: 0 } },
      { RetryCount: 0 },
    );
    expect(nextDue(recovering, RETENTION, PLAYBACK)).toEqual({ kind: 'give-up', at: since });
  });

  it('lets EndTime win over a retry due at the same time or later', () => {
    const since = END - 60_000;
    const recovering = task({ status: 2, fault: { reason: 'PullStreamFailed', sinceMs: since, retriesDone: 0 } });
    expect(nextDue(recovering, RETENTION, PLAYBACK)).toEqual({ kind: 'end', at: END });
  });

  it('ends the list when its last pass ends, or fails when playback reaches a missing medium', () => {
    const playing = task(
      { status: 1, playback: { passes: 2, playedMs: 30_000, resumedAtMs: START + 100_000 } },
      { RepeatNumber: 1 },
    );
    expect(nextDue(playing, RETENTION, PLAYBACK)).toEqual({ kind: 'list-end', at: START + 100_000 + 90_000 });
    const toMissing = task(
      {
        status: 1,
        relay: { sourceUrls: ['m', 'gone'], fileIndex: 0, offset: 0 },
        playback: { passes: 1, playedMs: 0, resumedAtMs: START },
      },
      { SourceUrls: ['m', 'gone'] },
    );
    expect(nextDue(toMissing, RETENTION, PLAYBACK)).toEqual({ kind: 'pull-failed', at: START + 60_000 });
    expect(nextDue(playing, RETENTION, { ...PLAYBACK, scheduleStops: false })).toEqual({ kind: 'end', at: END });
  });

  it('lets EndTime win over a list end after it, and schedules nothing for a paused run', () => {
    const long = task({ status: 1, playback: { passes: null, playedMs: 0, resumedAtMs: START } }, { RepeatNumber: -1 });
    expect(nextDue(long, RETENTION, PLAYBACK)).toEqual({ kind: 'end', at: END });
    const paused = task({ status: 3, playback: { passes: 1, playedMs: 10_000 } });
    expect(nextDue(paused, RETENTION, PLAYBACK)).toEqual({ kind: 'end', at: END });
  });

  it('purges an exited task after the retention period', () => {
    expect(nextDue(task({ status: -1, exit: { reason: 'OverEndTime', atMs: END } }), RETENTION, PLAYBACK)).toEqual({
      kind: 'purge',
      at: END + RETENTION,
    });
  });
});
