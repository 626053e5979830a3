import { describe, expect, it } from 'vitest';
import { createNonce } from './nonce.js';

describe('createNonce', () => {
  it('gives 32 lower-case hex characters, all distinct across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const nonce = createNonce();
      expect(nonce).toMatch(/^[0-9a-f]{32}$/);
      seen.add(nonce);
    }
    expect(seen.size).toBe(1000);
  });
});
