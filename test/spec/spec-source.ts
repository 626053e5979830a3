/** The spec as the tests read it: parsed once, with the generator's own readers. */
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../scripts/generate/spec-document.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const specPath = fileURLToPath(new URL('../../spec/openapi.yaml', import.meta.url));
export const spec = loadSpec(specPath);
