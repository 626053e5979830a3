import { LiveError } from '../../errors/live-error.js';

/**
 * A media catalog the emulator cannot use: unreadable, not JSON, not an object of entries, or an
 * entry without a positive duration. Thrown before the emulator starts; `entry` names the
 * offending entry when there is one.
 */
export class MediaCatalogError extends LiveError {
  override readonly name = 'MediaCatalogError';
  override readonly code = 'InvalidMediaCatalog';
  /** The media ID or source URL whose entry is wrong; undefined when the whole catalog is. */
  readonly entry: string | undefined;

  constructor(message: string, entry?: string) {
    super(message);
    this.entry = entry;
  }
}
