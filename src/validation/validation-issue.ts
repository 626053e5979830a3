/** One broken request rule, as the client reports it in `LiveValidationError.issues`. */
export interface ValidationIssue {
  /** The vendor parameter name, e.g. `Region`, `SourceUrls`. */
  readonly param: string;
  /** A full sentence naming the parameter and the rule, e.g. `CallbackUrl must be at most 2000 characters`. */
  readonly message: string;
}
