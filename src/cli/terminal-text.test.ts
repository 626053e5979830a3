import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainMarkdown, wrapText } from './terminal-text.js';

describe('plainMarkdown', () => {
  it('drops emphasis and code marks and spells links out', () => {
    expect(plainMarkdown('**QPS limit:** `10` per [docs](https://x.example/a).')).toBe(
      'QPS limit: 10 per docs (https://x.example/a).',
    );
  });
});

describe('plainMarkdown tables', () => {
  it('turns each body row into a list item labelled by the headers, skipping empty cells', () => {
    const table =
      '| State | May change | Refused |\n|---|---|---|\n| 0 Idle | all | — |\n| 1 Running | CallbackUrl | others |';
    expect(plainMarkdown(`Intro:\n\n${table}\n\nAfter.`)).toBe(
      'Intro:\n\n- 0 Idle: May change: all\n- 1 Running: May change: CallbackUrl; Refused: others\n\nAfter.',
    );
  });
});

describe('wrapText', () => {
  it('wraps paragraphs, keeps list items on their own lines and hangs their continuations', () => {
    const text =
      'Intro sentence that is long enough to need wrapping at this width.\n\n- first item that also wraps here\n- second';
    expect(wrapText(text, 2, 30)).toBe(
      [
        '  Intro sentence that is long',
        '  enough to need wrapping at',
        '  this width.',
        '',
        '  - first item that also wraps',
        '    here',
        '  - second',
      ].join('\n'),
    );
  });

  it('keeps every word, in order, and never exceeds the width unless one word does', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 8 }), (words, indent) => {
        const wrapped = wrapText(words.join(' '), indent, 40);
        expect(wrapped.split(/\s+/).filter(Boolean)).toEqual(words);
        for (const line of wrapped.split('\n')) expect(line.length).toBeLessThanOrEqual(Math.max(40, indent + 12));
      }),
    );
  });
});
