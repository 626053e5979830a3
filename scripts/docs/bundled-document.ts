/** The parts of a bundled OpenAPI document the page's build steps touch. */
export interface BundledOperation {
  operationId?: string;
  description?: string;
  [key: string]: unknown;
}

export interface BundledDocument {
  info: { description?: string; [key: string]: unknown };
  paths?: Record<string, Record<string, BundledOperation>>;
  webhooks?: Record<string, Record<string, BundledOperation>>;
  [key: string]: unknown;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Calls `visit` with every operation under `paths` (not the webhooks). */
export function eachOperation(document: BundledDocument, visit: (operation: BundledOperation) => void): void {
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation !== undefined) visit(operation);
    }
  }
}
