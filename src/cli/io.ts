/** The streams and environment one CLI run works with; `main.ts` passes the process's own. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Read only for `--access-key-secret-file -` (or `--security-token-file -`). */
  readonly stdin?: AsyncIterable<string | Buffer>;
}

/** The part of a `Writable` the CLI uses; `isTTY` decides whether progress is drawn. */
export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}
