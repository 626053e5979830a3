/**
 * The user name and password of a URL (`redis://user:pass@host`), raw and percent-decoded, for
 * {@link redactText}; none when the text is not such a URL.
 */
export function urlCredentials(text: string): string[] {
  const found = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]+)@/i.exec(text.trim());
  if (found === null) return [];
  return found[1]!
    .split(':')
    .flatMap((part) => [part, safeDecode(part)])
    .filter((part) => part !== '');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
