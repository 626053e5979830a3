/**
 * A Redis URL fit for messages and logs: the password (and user name) replaced by `***`.
 * A value that does not parse as a URL is not echoed at all, since it may hold a password.
 */
export function redactedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(unparseable Redis URL)';
  }
  if (parsed.username !== '') parsed.username = '***';
  if (parsed.password !== '') parsed.password = '***';
  return parsed.href;
}
