import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { CONTROL_PREFIX, handleControl } from '../control/control-routes.js';
import { errorAnswer } from '../gateway/error-body.js';
import type { Gateway, RpcRequest, Success } from '../gateway/gateway.js';
import { internalError, invalidParameter, type Refusal, refuse } from '../gateway/refusal.js';
import type { TaskService } from '../service/task-service.js';
import type { BodyBudget } from './body-budget.js';
import { type BrowserPolicy, corsHeaders, isPreflight, refuseBrowser } from './browser-guard.js';
import { emptyFormParams, type FormParams, parseFormInto } from './parse-form.js';
import { hasNoBody, readBody } from './read-body.js';
import { newRequestId } from './request-id.js';
import { rawJsonResponse, sendJson } from './send-json.js';

/** What the HTTP layer hands requests to. */
export interface RequestHandlerOptions {
  readonly gateway: Gateway;
  readonly service: TaskService;
  /** Largest body read, in bytes. */
  readonly maxBodyBytes: number;
  /** Body bytes held at once across every connection; beyond it requests get 503. */
  readonly bodyBudget: BodyBudget;
  /** `HostId` of error bodies: the emulator's own `host:port`. */
  readonly hostId: string;
  /** Which browser requests are answered (see `refuseBrowser`). */
  readonly browser: BrowserPolicy;
  readonly onInternalError: (error: unknown, requestId: string) => void;
}

/**
 * The `request` listener: gives every request a RequestId, sends `/` to the gateway and
 * `/_emulator/*` to the control routes, and turns every outcome (including exceptions) into one
 * JSON answer. Bodiless requests (every official SDK call) are handled synchronously, without
 * waiting for the `end` event.
 */
export function createRequestHandler(
  options: RequestHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { gateway, service, maxBodyBytes, bodyBudget, hostId, browser, onInternalError } = options;

  const answer = (res: ServerResponse, requestId: string, outcome: Success | Refusal, close = false): void => {
    if (!outcome.refused) {
      sendJson(res, 200, requestId, outcome.body, undefined, close);
      return;
    }
    const error = errorAnswer(outcome, requestId, hostId);
    sendJson(res, error.status, requestId, error.body, error.headers, close);
  };

  const fail = (res: ServerResponse, requestId: string, error: unknown): void => {
    onInternalError(error, requestId);
    if (res.headersSent) res.destroy();
    else answer(res, requestId, internalError(), true);
  };

  const serveRpc = (
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    query: FormParams,
    body: Buffer | undefined,
  ): void => {
    let form: FormParams | undefined;
    if (body !== undefined && body.length > 0 && isForm(req.headers['content-type'])) {
      form = emptyFormParams();
      const issue = parseFormInto(body.toString('utf8'), form);
      if (issue !== undefined) {
        answer(res, requestId, invalidSyntax(issue.name, issue.rule));
        return;
      }
      const twice = Object.keys(form).find((name) => name in query);
      if (twice !== undefined) {
        answer(res, requestId, invalidSyntax(twice, 'is given in both the query and the body'));
        return;
      }
    }
    const request: RpcRequest = { method: req.method!, query, form, headers: req.headers, rawBody: body };
    answer(res, requestId, gateway.handle(request, requestId));
  };

  const serveControl = (
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    path: string,
    query: FormParams,
    body: Buffer | undefined,
  ): void => {
    const text = body === undefined ? '' : body.toString('utf8');
    const outcome = handleControl({ method: req.method!, path, query, body: text }, service, gateway);
    answer(
      res,
      requestId,
      outcome.refused ? outcome : { refused: false, body: { RequestId: requestId, ...outcome.body } },
    );
  };

  return (req, res) => {
    const requestId = newRequestId();
    try {
      const foreign = refuseBrowser(req.headers, browser);
      if (foreign !== undefined) return answer(res, requestId, foreign, !hasNoBody(req));
      if (browser.allowCrossOrigin) {
        for (const [name, value] of Object.entries(corsHeaders(req.method, req.headers, browser))) {
          res.setHeader(name, value);
        }
        if (isPreflight(req.method, req.headers, browser)) {
          res.writeHead(204).end();
          return;
        }
      }
      const url = req.url ?? '/';
      const mark = url.indexOf('?');
      const path = mark === -1 ? url : url.slice(0, mark);
      const control = path.startsWith(CONTROL_PREFIX);
      if (!control && path !== '/') {
        return answer(
          res,
          requestId,
          refuse('InvalidAction.NotFound', undefined, `RPC calls go to the path /, not ${path.slice(0, 200)}`),
        );
      }
      // DELETE exists only on control routes (DELETE /_emulator/errors); the RPC endpoint takes GET and POST.
      if (req.method !== 'GET' && req.method !== 'POST' && !(control && req.method === 'DELETE')) {
        return answer(res, requestId, refuse('UnsupportedHTTPMethod', undefined, `use GET or POST, not ${req.method}`));
      }
      const query = emptyFormParams();
      if (mark !== -1) {
        const issue = parseFormInto(url.slice(mark + 1), query);
        if (issue !== undefined) return answer(res, requestId, invalidSyntax(issue.name, issue.rule));
      }
      const serve = (body: Buffer | undefined): void => {
        if (control) serveControl(req, res, requestId, path, query, body);
        else serveRpc(req, res, requestId, query, body);
      };
      if (hasNoBody(req)) return serve(undefined);
      readBody(req, maxBodyBytes, bodyBudget).then(
        (result) => {
          try {
            if (result.ok) {
              try {
                return serve(result.body);
              } finally {
                // Answered synchronously: nothing refers to the body any more.
                bodyBudget.release(result.body.length);
              }
            }
            if (result.busy) {
              const busy = refuse(
                'ServiceUnavailable',
                undefined,
                `the emulator already holds ${result.limit} bytes of request bodies (maxBufferedBodyBytes); retry shortly`,
              );
              return answer(res, requestId, busy, true);
            }
            const tooLarge = invalidParameter('body', `the request body exceeds ${result.limit} bytes`);
            answer(res, requestId, tooLarge, !result.drained);
          } catch (error) {
            fail(res, requestId, error);
          }
        },
        // The client went away mid-body: nobody is left to answer, and it is not our error.
        () => res.destroy(),
      );
    } catch (error) {
      fail(res, requestId, error);
    }
  };
}

/**
 * The `clientError` listener: a request Node's parser refused (oversized headers, malformed
 * request line, unknown method) still gets a JSON error with a RequestId, then the connection closes.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, hostId: string): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const requestId = newRequestId();
  const detail =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'the request line and headers are too large'
      : 'the request is not well-formed HTTP/1.1';
  const { status, body } = errorAnswer(invalidParameter('request', detail), requestId, hostId);
  socket.end(rawJsonResponse(status, requestId, body));
}

function isForm(contentType: string | undefined): boolean {
  return contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded') === true;
}

function invalidSyntax(name: string, rule: string): Refusal {
  return invalidParameter(name.slice(0, 200), `it ${rule}`);
}
