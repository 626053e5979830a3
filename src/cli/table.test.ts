import { describe, expect, it } from 'vitest';
import { cellText, renderKeyValue, renderTable } from './table.js';

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
