import { writeSync } from 'node:fs';
import type { TextSink } from './io.js';

/**
 * A {@link TextSink} writing to the process's fd 1 or 2 with `fs.writeSync`, so that the
 * `process.stdout`/`process.stderr` stream is built only if needed: for a pipe, building it loads
 * Node's net and stream modules, a tenth of a short run. On Linux those streams write
 * synchronously too. A non-blocking descriptor that is full (`EAGAIN`) hands the rest to the
 * stream, which waits for the reader; a reader that left (`EPIPE`, `live-relay list | head`) is
 * not an error, and nothing more is written.
 */
export function fdSink(fd: 1 | 2, stream: () => NodeJS.WriteStream): TextSink {
  let fallback: NodeJS.WriteStream | undefined;
  let closed = false;
  return {
    write(text: string): boolean {
      if (closed) return false;
      if (fallback !== undefined) return fallback.write(text);
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      try {
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          closed = true;
          return false;
        }
        if (code !== 'EAGAIN') throw error;
        fallback = stream();
        fallback.on('error', (streamError: NodeJS.ErrnoException) => {
          if (streamError.code !== 'EPIPE') throw streamError;
          closed = true;
        });
        return fallback.write(bytes.subarray(offset));
      }
    },
    get isTTY() {
      return stream().isTTY;
    },
  };
}
