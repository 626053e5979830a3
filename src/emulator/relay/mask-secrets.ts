/** Any URL in free text: a scheme, `://`, then everything up to whitespace, a quote or a bracket. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>()]+/gi;

/**
 * A URL fit for logs: user name and password become `***`, every query value becomes `***`
 * (Alibaba's `auth_key=` and signed-URL parameters live there), names are kept so a reader can
 * still tell which parameters were sent. Text that does not parse as a URL is replaced whole.
 */
export function maskUrl(url: string): string {
  const at = url.indexOf('://');
  if (at < 0) return '(unparseable URL)';
  const scheme = url.slice(0, at + 3);
  let rest = url.slice(at + 3);
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  const queryAt = rest.indexOf('?');
  let authorityAndPath = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  const query = queryAt >= 0 ? rest.slice(queryAt + 1) : undefined;
  const slash = authorityAndPath.indexOf('/');
  const authority = slash >= 0 ? authorityAndPath.slice(0, slash) : authorityAndPath;
  const userinfoAt = authority.lastIndexOf('@');
  if (userinfoAt >= 0) authorityAndPath = `***@${authorityAndPath.slice(userinfoAt + 1)}`;
  if (query === undefined) return scheme + authorityAndPath;
  const masked = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq >= 0 ? `${pair.slice(0, eq)}=***` : pair === '' ? pair : '***';
    })
    .join('&');
  return `${scheme}${authorityAndPath}?${masked}`;
}

/** `text` with every URL in it masked by {@link maskUrl} (ffmpeg prints full URLs in its errors). */
export function maskSecrets(text: string): string {
  return text.replace(URL_IN_TEXT, (match) => {
    // ffmpeg writes `<url>: <error>`: trailing punctuation belongs to the sentence, not the URL.
    const url = match.replace(/[:.,;]+$/, '');
    return maskUrl(url) + match.slice(url.length);
  });
}
