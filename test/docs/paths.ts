import { fileURLToPath } from 'node:url';

/** Paths the docs tests share; the vendor snapshots are the spec's own (spec/vendor/). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const seedPage = fileURLToPath(new URL('../../spec/vendor/UpdateLivePullToPush.txt', import.meta.url));
export const vendorMetadata = fileURLToPath(
  new URL('../../spec/vendor/live-2016-11-01-pull-to-push.json', import.meta.url),
);
export const docsPage = fileURLToPath(new URL('../../build/docs/index.html', import.meta.url));
