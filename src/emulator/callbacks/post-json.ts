import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** How one delivery ended. Never thrown: a failing receiver is a result, not an error. */
export type DeliveryOutcome =
  | { readonly ok: true; readonly status: number }
  | { readonly ok: false; readonly status?: number; readonly reason: string };

/**
 * POSTs `body` as JSON to an http(s) URL and settles within `timeoutMs` whatever the receiver
 * does: a receiver that never answers is cut off, one that answers non-2xx counts as failed.
 * The response body is drained and ignored; `signal` aborts the request (used on close).
 */
export function postJson(url: string, body: string, timeoutMs: number, signal?: AbortSignal): Promise<DeliveryOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ ok: false, reason: 'CallbackUrl is not a valid URL' });
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : undefined;
    if (send === undefined) {
      resolve({ ok: false, reason: `CallbackUrl scheme ${target.protocol} is not http: or https:` });
      return;
    }
    let settled = false;
    const settle = (outcome: DeliveryOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = send(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
      ...(signal === undefined ? {} : { signal }),
    });
    const timer = setTimeout(() => {
      settle({ ok: false, reason: `no response within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      // Settle once the body is drained, so the timeout also covers a receiver that stalls mid-body.
      res.on('end', () =>
        settle(
          status >= 200 && status < 300
            ? { ok: true, status }
            : { ok: false, status, reason: `receiver answered HTTP ${status}` },
        ),
      );
      res.on('error', (error) => settle({ ok: false, status, reason: error.message }));
      res.resume();
    });
    req.on('error', (error) => settle({ ok: false, reason: error.message }));
    req.end(body);
  });
}
