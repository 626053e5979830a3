import type { ResolvedRateLimit } from './rate-limit-options.js';
import type { RateLimitStore, SlotDecision, SlotLease } from './rate-limit-store.js';

/** The callers of one store and key waiting for a slot, in arrival order. */
interface Line {
  waiting: number;
  /** Settles when the last caller in line has left it. */
  tail: Promise<void>;
  /** Wakes the caller at the head of the line early (a slot of this process was released). */
  wake: (() => void) | undefined;
}

const lines = new WeakMap<RateLimitStore, Map<string, Line>>();

function lineOf(store: RateLimitStore, key: string): Line {
  let byKey = lines.get(store);
  if (byKey === undefined) {
    byKey = new Map();
    lines.set(store, byKey);
  }
  let line = byKey.get(key);
  if (line === undefined) {
    line = { waiting: 0, tail: Promise.resolve(), wake: undefined };
    byKey.set(key, line);
  }
  return line;
}

/**
 * Takes a send slot for `key`. With nobody waiting and a slot free this returns without a timer;
 * otherwise the caller joins the key's line, and only the caller at its head asks the store, on one
 * timer set to the time the store names (or earlier, when a slot of this process is released).
 * Resolves `undefined` when no slot can be had before `deadlineMs` (epoch milliseconds); rejects
 * with the signal's reason when it aborts.
 */
export async function acquireSlot(
  rule: ResolvedRateLimit,
  key: string,
  deadlineMs: number,
  signal: AbortSignal | undefined,
): Promise<SlotLease | undefined> {
  const line = lineOf(rule.store, key);
  const ask = (): SlotDecision | Promise<SlotDecision> =>
    rule.store.acquire({ key, nowMs: Date.now(), limit: rule.limit, windowMs: rule.windowMs });
  if (line.waiting === 0) {
    const answer = ask();
    // A synchronous store (the default) answers without a microtask hop.
    const decision = 'then' in answer ? await answer : answer;
    if (decision.granted) return decision.lease;
  }

  line.waiting++;
  const ahead = line.tail;
  let leave!: () => void;
  const mine = new Promise<void>((resolve) => (leave = resolve));
  line.tail = ahead.then(() => mine);
  try {
    if (!(await settlesBefore(ahead, deadlineMs, signal))) return undefined;
    for (;;) {
      const decision = await ask();
      if (decision.granted) return decision.lease;
      if (Date.now() + decision.waitMs > deadlineMs) return undefined;
      await napUnlessWoken(line, decision.waitMs, signal);
    }
  } finally {
    line.waiting--;
    leave();
  }
}

/**
 * Hands a slot back to its store, the attempt having ended at `doneMs`, and wakes the key's line.
 * Returns a promise only when the store's `release` does.
 */
export function releaseSlot(rule: ResolvedRateLimit, lease: SlotLease, doneMs: number): void | Promise<void> {
  const wake = (): void => lineOf(rule.store, lease.key).wake?.();
  const released = rule.store.release(lease, doneMs);
  if (released !== undefined) return released.then(wake);
  wake();
}

/** True once `promise` settles, false at `deadlineMs`; rejects with the signal's reason on abort. */
function settlesBefore(promise: Promise<void>, deadlineMs: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(false);
      },
      Math.max(0, deadlineMs - Date.now()),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    void promise.then(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    });
  });
}

/** Sleeps `ms` on one timer, or until the line is woken; rejects with the signal's reason on abort. */
function napUnlessWoken(line: Line, ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      line.wake = undefined;
    };
    const onAbort = (): void => {
      done();
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    line.wake = () => {
      done();
      resolve();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
