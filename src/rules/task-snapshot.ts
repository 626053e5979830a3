import type { SourceType } from './api-types.js';

/**
 * What the emulator knows about the task an Update names and the rules need: the Region a
 * "change" is measured against, the stored window an Update merges its new times into, the
 * SourceType its SourceUrls must match, and the list and FileIndex a new FileIndex or list must fit. Vendor names, as Describe's TaskInfo spells them, so
 * `{ Region, ...taskInfo }` fits. A field left out skips the rules that need it.
 */
export interface TaskSnapshot {
  readonly Region: string;
  readonly StartTime?: string | undefined;
  readonly EndTime?: string | undefined;
  readonly SourceType?: SourceType | undefined;
  readonly SourceUrls?: readonly string[] | undefined;
  readonly FileIndex?: number | undefined;
}
