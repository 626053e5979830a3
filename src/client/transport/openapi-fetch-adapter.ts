import createClient from 'openapi-fetch';
import { RelayRequest } from './relay-request.js';
import type { RelayAnswer } from './relay-response.js';

/**
 * An operation as openapi-fetch sees it here: called on its synthetic path with no parameters of
 * openapi-fetch's own (the transport signs and sends the call's wire-form parameter map), answering
 * JSON that the client's method types from the generated `ResponseBody`.
 */
interface RelayedOperation {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  requestBody?: never;
  responses: { 200: { content: { 'application/json': unknown } } };
}

/** Every operation path, with either method (the operation table says which one a call uses). */
type RelayedPaths = Record<string, { get: RelayedOperation; post: RelayedOperation }>;

/** Sends one call beneath openapi-fetch and resolves with the answer it reads back. */
export type RelayFetch = () => Promise<RelayAnswer>;

/** Runs one operation through openapi-fetch: `path` and `method` from the operation table. */
export type OpenapiFetchCall = (method: 'GET' | 'POST', path: string, relay: RelayFetch) => Promise<unknown>;

/**
 * The one place the client meets openapi-fetch. openapi-fetch declares its `Request` option and its
 * `fetch` answer as the full WHATWG classes, but 0.17 only constructs the request and reads back
 * the members of {@link RelayAnswer}; the two narrowings below say exactly that, once.
 */
export function createOpenapiFetchCall(baseUrl: string): OpenapiFetchCall {
  // Calls carry no openapi-fetch query: one serializer for all of them, not a new one per call.
  const api = createClient<RelayedPaths>({
    baseUrl,
    Request: RelayRequest as typeof Request,
    querySerializer: noQuery,
  });
  return async (method, path, relay) => {
    const fetch = relay as () => Promise<unknown> as () => Promise<Response>;
    const { data } = await (method === 'POST' ? api.POST(path, { fetch }) : api.GET(path, { fetch }));
    return data;
  };
}

function noQuery(): string {
  return '';
}
