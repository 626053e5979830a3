import { API_VERSION, type OperationSpec, operations } from '../../../generated/operations.js';
import { type Refusal, refuse } from './refusal.js';

/**
 * Finds the operation a request names and checks that it may be called this way: `Action`
 * present and known, `Version` equal to the API version, the HTTP method one the operation
 * accepts. Runs before authentication, as the real gateway routes before it verifies.
 */
export function resolveOperation(
  method: string,
  action: string | undefined,
  version: string | undefined,
): OperationSpec | Refusal {
  if (action === undefined || action === '') {
    return refuse(
      'MissingParameter',
      'Action',
      'name the operation with the Action parameter or the x-acs-action header',
    );
  }
  if (version === undefined || version === '') {
    return refuse('MissingParameter', 'Version', `send Version (or x-acs-version) ${API_VERSION}`);
  }
  if (version !== API_VERSION) {
    return refuse('InvalidVersion', undefined, `Version "${version}" is not supported; this API is ${API_VERSION}`);
  }
  const op = Object.hasOwn(operations, action) ? operations[action as keyof typeof operations] : undefined;
  if (op === undefined) {
    return refuse('InvalidAction.NotFound', undefined, `Action "${action}" is not an operation of API ${API_VERSION}`);
  }
  if (!(op.acceptedMethods as readonly string[]).includes(method)) {
    return refuse(
      'UnsupportedHTTPMethod',
      undefined,
      `${action} accepts ${op.acceptedMethods.join(' or ')}, not ${method}`,
    );
  }
  return op;
}
