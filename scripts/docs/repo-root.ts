import { fileURLToPath } from 'node:url';

/** The repository root (this file is `scripts/docs/repo-root.ts`). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
