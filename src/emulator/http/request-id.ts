import { randomUUID } from 'node:crypto';

/** A RequestId in the service's style: an upper-case UUID, e.g. `16A96B9A-F203-4EC5-8E43-CB92E68A1B2C`. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}
