/**
 * Short names for the generated request and schema types the rules read. The rules take request
 * parameters exactly as the generated validators type them: SourceUrls as `string[]`, integers as
 * numbers, vendor spellings.
 */
import type { components, operations } from '../../generated/api.js';
import type { OperationName } from '../../generated/operations.js';

export type { OperationName };

export type SourceType = components['schemas']['SourceType'];
export type TaskStatus = components['schemas']['TaskStatus'];

/** The typed query parameters of one action. */
export type RequestParams<A extends OperationName> = operations[A]['parameters']['query'];
export type CreateParams = RequestParams<'CreateLivePullToPush'>;
export type UpdateParams = RequestParams<'UpdateLivePullToPush'>;
