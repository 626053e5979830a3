import { setMaxListeners } from 'node:events';
import { type DeliveryOutcome, postJson } from './post-json.js';

/** Counters for callback delivery since the service started. */
export interface CallbackStats {
  /** Events a receiver accepted with a 2xx answer. */
  delivered: number;
  /** Events sent but refused, timed out or unreachable (not retried). */
  failed: number;
  /** Events never sent because the queue was full or the service closed. */
  dropped: number;
  /** Events queued or in flight now. */
  pending: number;
}

export interface CallbackDispatcherOptions {
  /** Cut-off for one delivery, in milliseconds (default 2000). */
  timeoutMs?: number;
  /** Most events queued or in flight at once; beyond it events are dropped and counted (default 10,000). */
  maxPending?: number;
  /** Most deliveries in flight at once, across all tasks (default 32). */
  concurrency?: number;
  /** Sends one event (default: `postJson`); replaceable for tests of the dispatcher alone. */
  post?: (url: string, body: string, timeoutMs: number, signal: AbortSignal) => Promise<DeliveryOutcome>;
}

export interface CallbackDispatcher {
  /** Queues `event` for `url`; returns at once. Events of one task reach the receiver in call order. */
  send(taskId: string, url: string, event: object): void;
  stats(): CallbackStats;
  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void>;
  /** Aborts deliveries in flight and drops the queue (counted as dropped); sending may go on. */
  abandon(): void;
}

export const DEFAULT_CALLBACK_TIMEOUT_MS = 2000;
export const DEFAULT_CALLBACK_MAX_PENDING = 10_000;
export const DEFAULT_CALLBACK_CONCURRENCY = 32;

interface Queued {
  url: string;
  body: string;
}

/**
 * Fire-and-forget delivery of task events: one queue per task so its events stay in order,
 * one delivery in flight per task, a global cap on concurrency and on queued events. Nothing
 * here ever throws into or waits inside the caller.
 */
export function createCallbackDispatcher(options: CallbackDispatcherOptions = {}): CallbackDispatcher {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
  const maxPending = options.maxPending ?? DEFAULT_CALLBACK_MAX_PENDING;
  const concurrency = options.concurrency ?? DEFAULT_CALLBACK_CONCURRENCY;
  const post = options.post ?? postJson;

  const queues = new Map<string, Queued[]>();
  /** Tasks whose next event may go now (none of theirs in flight), oldest first. */
  let ready: string[] = [];
  let readyHead = 0;
  const inFlight = new Set<string>();
  let abort = newAbortController();
  let pending = 0;
  const stats = { delivered: 0, failed: 0, dropped: 0 };
  let idleWaiters: (() => void)[] = [];

  function pump(): void {
    while (inFlight.size < concurrency && readyHead < ready.length) {
      const taskId = ready[readyHead++]!;
      const next = queues.get(taskId)?.shift();
      if (next === undefined) continue;
      inFlight.add(taskId);
      const signal = abort.signal;
      post(next.url, next.body, timeoutMs, signal)
        .catch((error: unknown): DeliveryOutcome => ({ ok: false, reason: String(error) }))
        .then((outcome) => finish(taskId, outcome, signal));
    }
    if (readyHead > 1024 && readyHead * 2 > ready.length) {
      ready = ready.slice(readyHead);
      readyHead = 0;
    }
  }

  function finish(taskId: string, outcome: DeliveryOutcome, signal: AbortSignal): void {
    // A delivery aborted by abandon() was already counted as dropped.
    if (signal.aborted) return;
    inFlight.delete(taskId);
    pending -= 1;
    if (outcome.ok) stats.delivered += 1;
    else stats.failed += 1;
    if ((queues.get(taskId)?.length ?? 0) > 0) ready.push(taskId);
    else queues.delete(taskId);
    pump();
    notifyIfIdle();
  }

  function notifyIfIdle(): void {
    if (pending !== 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  }

  return {
    send(taskId, url, event) {
      if (pending >= maxPending) {
        stats.dropped += 1;
        return;
      }
      let queue = queues.get(taskId);
      if (queue === undefined) {
        queue = [];
        queues.set(taskId, queue);
      }
      queue.push({ url, body: JSON.stringify(event) });
      pending += 1;
      if (queue.length === 1 && !inFlight.has(taskId)) ready.push(taskId);
      pump();
    },
    stats: () => ({ ...stats, pending }),
    idle: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    abandon() {
      abort.abort();
      abort = newAbortController();
      stats.dropped += pending;
      pending = 0;
      queues.clear();
      inFlight.clear();
      ready = [];
      readyHead = 0;
      notifyIfIdle();
    },
  };
}

/** One signal is shared by every delivery in flight (up to `concurrency` listeners), which is by design. */
function newAbortController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
