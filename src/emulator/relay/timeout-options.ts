/** How long a silent peer may stall a read or write before ffmpeg gives up, in microseconds (5 s). */
export const IO_TIMEOUT_US = 5_000_000;

/**
 * The input option that bounds a stalled read for this URL. Without one ffmpeg waits forever
 * on a silent source. `-rw_timeout` is the http/rtmp/tcp name; rtsp and srt call it `-timeout`
 * (on rtmp `-timeout` would mean "listen"); local files need none.
 */
export function timeoutOptions(url: string): string[] {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'file') return [];
  if (scheme === 'rtsp' || scheme === 'srt') return ['-timeout', String(IO_TIMEOUT_US)];
  return ['-rw_timeout', String(IO_TIMEOUT_US)];
}
