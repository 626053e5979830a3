/** What replaces a secret in any text this package produces. */
export const MASK = '***';

/**
 * Signed-request parameters whose values are secret, as they appear in a URL (`Signature=…`), in a
 * percent-encoded string to sign (`Signature%3D…%26`, which the service echoes in
 * SignatureDoesNotMatch messages), or in a header (`x-acs-security-token: …`).
 */
const SECRET_PARAMETER =
  /(?<![A-Za-z])(Signature|SecurityToken|AccessKeySecret|x-acs-security-token)(=|%3D|%253D|:\s*)[^&\s"'<>,;)]*?(?=&|%26|%2526|[\s"'<>,;)]|$)/gi;

/** `scheme://userinfo@`: a user name and password in a URL. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s"'<>]+@/gi;

/**
 * `text` with every secret it may hold replaced by `***`: each of `secrets` (the AccessKeySecret,
 * security token, Redis password, … that the caller knows of), the values of signature and token
 * parameters, and URL userinfo. Values starting with `--` are left alone: on a command line they are
 * the next flag, mistaken for a missing value, not a secret.
 */
export function redactText(text: string, secrets: Iterable<string | undefined> = []): string {
  let safe = text;
  const known = [...new Set([...secrets].filter(isMaskable))].sort((a, b) => b.length - a.length);
  for (const secret of known) {
    safe = safe.split(secret).join(MASK);
    // The same value as JSON.stringify and percent-encoding print it.
    const quoted = JSON.stringify(secret).slice(1, -1);
    if (quoted !== secret) safe = safe.split(quoted).join(MASK);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) safe = safe.split(encoded).join(MASK);
  }
  return safe.replace(SECRET_PARAMETER, `$1$2${MASK}`).replace(URL_USERINFO, `$1${MASK}@`);
}

function isMaskable(value: string | undefined): value is string {
  return value !== undefined && value !== '' && !value.startsWith('--');
}
