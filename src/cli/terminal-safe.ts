/** Text the CLI prints that someone else wrote: task fields, the service's error messages. */

/**
 * C0 and C1 controls, DEL, and the Unicode marks that reorder or hide text (bidi overrides and
 * isolates, zero-width joiners): a task's name comes from whoever created the task and an error
 * message from whatever answered, and printed raw either could retitle or clear the terminal, or
 * make one line look like another.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** `text` with every unsafe character written as a visible escape, `\x1b` or `\u202e`. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
