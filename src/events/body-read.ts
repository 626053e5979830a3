/** A request body read within a size limit: its bytes, or the fact that it is larger (nothing more is kept). */
export type BodyRead = { readonly ok: true; readonly body: Uint8Array } | { readonly ok: false };
