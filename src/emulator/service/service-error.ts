import { LiveError } from '../../errors/live-error.js';

/**
 * A request the task service refuses. `code` is a key of `errorCodes` in
 * `generated/operations.js`, which also gives the HTTP status the gateway answers with;
 * `message` names the parameter and the rule where there is one.
 */
export class ServiceError extends LiveError {
  override readonly name = 'ServiceError';
  override readonly code: string;
  /** The request parameter at fault, when one is. */
  readonly param: string | undefined;

  constructor(code: string, message: string, param?: string) {
    super(message);
    this.code = code;
    this.param = param;
  }
}
