/**
 * A command line written as it is typed, as the words the CLI receives: the literal text splits at
 * white space, and each `${value}` is one word exactly as given (a value may hold spaces or
 * quotes). A value must stand alone, with white space (or the start or end) on either side.
 */
export function argv(text: TemplateStringsArray, ...values: readonly string[]): string[] {
  const words: string[] = [];
  text.forEach((chunk, i) => {
    const gluedBefore = i > 0 && /^\S/.test(chunk);
    const gluedAfter = i < values.length && /\S$/.test(chunk);
    if (gluedBefore || gluedAfter) {
      throw new Error(`argv: a \${value} must be a word of its own (next to ${JSON.stringify(chunk)})`);
    }
    words.push(...chunk.split(/\s+/).filter((word) => word !== ''));
    if (i < values.length) words.push(values[i]!);
  });
  return words;
}
