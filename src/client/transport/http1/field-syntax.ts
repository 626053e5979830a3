/**
 * RFC 9110's field grammar as `node:http` enforces it, for both directions: the head this client
 * writes and the head it reads.
 */

/** A field name (or method): one or more `tchar`. */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The characters of a field value: visible ASCII, spaces, tabs and obs-text; never CR, LF or NUL. */
export const FIELD_CHARS = '\\t\\x20-\\x7e\\x80-\\xff';

/** A whole field value. */
export const FIELD_VALUE = new RegExp(`^[${FIELD_CHARS}]*$`);
