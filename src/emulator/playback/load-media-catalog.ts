import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type MediaCatalog, mediaCatalog } from './media-catalog.js';
import { MediaCatalogError } from './media-catalog-error.js';

/**
 * Reads a media catalog from a JSON file.
 * @throws MediaCatalogError when the file cannot be read, is not JSON, or has a bad entry
 */
export function loadMediaCatalog(path: string, defaultDurationSeconds?: number): MediaCatalog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new MediaCatalogError(`cannot read the media catalog ${path} (${reason})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MediaCatalogError(`media catalog ${path} is not JSON: ${(error as Error).message}`);
  }
  return mediaCatalog(value, defaultDurationSeconds, `media catalog ${path}`, dirname(resolve(path)));
}
