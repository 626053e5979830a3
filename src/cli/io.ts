/** The streams and environment one CLI run works with; `main.ts` passes the process's own. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The part of a `Writable` the CLI uses; `isTTY` decides whether progress is drawn. */
export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}
