import { describe, expect, it } from 'vitest';
import { cellText, renderKeyValue, renderTable } from './table.js';
import { terminalSafe } from './terminal-safe.js';

describe('renderTable', () => {
  it('aligns columns under a rule', () => {
    expect(
      renderTable(
        ['A', 'Long'],
        [
          ['xyz', '1'],
          ['', '22'],
        ],
      ),
    ).toBe('A    Long\n---  ----\nxyz  1\n     22\n');
  });
});

describe('renderKeyValue', () => {
  it('flattens nested objects into dotted keys and lets the caller name values', () => {
    const text = renderKeyValue(
      { RequestId: 'r', TaskStatus: 1, TaskInfo: { SourceUrls: ['a', 'b'], DstUrl: 'rtmp://x' } },
      (key) => (key === 'TaskStatus' ? 'Running (1)' : undefined),
    );
    expect(text).toBe(
      [
        'RequestId            r',
        'TaskStatus           Running (1)',
        'TaskInfo.SourceUrls  a, b',
        'TaskInfo.DstUrl      rtmp://x',
        '',
      ].join('\n'),
    );
  });
});

describe('cellText', () => {
  it('keeps a cell on one line', () => {
    expect(cellText('a\nb')).toBe('a b');
    expect(cellText([{ a: 1 }])).toBe('[{"a":1}]');
    expect(cellText(null)).toBe('');
  });
});

describe('control characters', () => {
  const hostile = 'a\x1b]0;pwned\x07b\x9b2J\u202ec';

  it('are escaped in every cell of a table and of a key/value listing', () => {
    const table = renderTable(['Name'], [[hostile]]);
    const listing = renderKeyValue({ [hostile]: hostile });
    for (const text of [table, listing]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
      expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
      expect(text).toContain('a\\x1b]0;pwned\\x07b\\x9b2J\\u202ec');
    }
  });

  it('widen their column by the escape, so the columns stay aligned', () => {
    expect(renderTable(['A', 'B'], [['\x07', 'x']])).toBe('A     B\n----  -\n\\x07  x\n');
  });

  it('leave printable text alone', () => {
    expect(terminalSafe('rtmp://push.example.com/live/ü 中文')).toBe('rtmp://push.example.com/live/ü 中文');
  });
});
