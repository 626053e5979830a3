/**
 * One way the spec and a vendor source disagree. `parameter` and `field` use the vocabulary of
 * spec/decisions.md, so a difference can be looked up there:
 *
 * | subject | parameter | field |
 * |---|---|---|
 * | operation | null | `present`, `methods`, `lastUpdated` |
 * | request parameter | its name | `present`, `type`, `items.type`, `required`, `enum`, `minimum`, `maximum`, `style` |
 * | error code | the code | `errors` (listed on one side only), `status`, `message` |
 * | response field | its name | `response.present`, `response.type` |
 * | prose rule of a parameter | its name | `maxLength`, `minimum`, `default`, `maxTaskDays`, `maxItems.<SourceType>`, `protocols.<SourceType>`, `effect` |
 * | prose rule of the operation | null | `qps`; `maxTaskDays` when no parameter's notes state the window |
 * | task state (a state bullet) | the phase: `not-started`, `running`, `stopped` | `state-rule` |
 *
 * A prose rule the page leaves out while the spec has it reads `not stated` on the vendor side.
 */
export interface Difference {
  readonly operation: string;
  readonly subject: 'operation' | 'parameter' | 'error' | 'response field' | 'task state';
  readonly parameter: string | null;
  readonly field: string;
  /** What the vendor source says, in words. */
  readonly vendor: string;
  /** What the spec says, in words. */
  readonly spec: string;
  /** The vendor's value as data (true for "present"), undefined when the source does not state it. */
  readonly vendorValue?: unknown;
  /** The spec's value as data, undefined when the spec does not state it. */
  readonly specValue?: unknown;
}
