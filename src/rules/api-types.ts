/**
 * Short names for the generated request and schema types the rules read. The rules take request
 * parameters exactly as the generated validators type them: SourceUrls as `string[]`, integers as
 * numbers, vendor spellings.
 */
import type { components } from '../../generated/api.js';
import type { OperationName } from '../../generated/operations.js';
import type { RequestParams } from '../../generated/validators.js';

export type { OperationName, RequestParams };

export type SourceType = components['schemas']['SourceType'];
export type TaskStatus = components['schemas']['TaskStatus'];

export type CreateParams = RequestParams<'CreateLivePullToPush'>;
export type UpdateParams = RequestParams<'UpdateLivePullToPush'>;
