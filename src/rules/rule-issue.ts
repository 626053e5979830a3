/**
 * The error codes the rules answer with. Each is a key of the generated `errorCodes` (a unit test
 * holds it to that: the generated record is keyed by `string`, so the compiler cannot).
 */
export const RULE_ERROR_CODES = [
  'InvalidParameter',
  'InvalidParam.CodeIllegalDuration',
  'CodeTaskHasStarted',
  'CodeTaskHasStopped',
  'CodeTaskNotExist',
] as const;

export type RuleErrorCode = (typeof RULE_ERROR_CODES)[number];

/**
 * One broken rule. `param` is the vendor parameter name (`EndTime`, `SourceUrls`); `message` is a
 * plain-English sentence naming the parameter and the rule; `code` is the API error code the
 * service answers with, so the emulator can reply and the client can fail the same way.
 */
export interface RuleIssue {
  readonly param: string;
  readonly message: string;
  readonly code: RuleErrorCode;
}
