import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { hmacSha256Hex } from './hmac-sha256';

describe('HMAC-SHA256 in plain TypeScript', () => {
  it.each([
    ['key', 'The quick brown fox jumps over the lazy dog'],
    ['', ''],
    ['secret', 'Aprobación — décision ✓ 😀 \u0001 fields'],
    ['k'.repeat(100), 'x'.repeat(1000)],
    ['a'.repeat(64), 'y'.repeat(55)],
    ['b'.repeat(63), 'z'.repeat(56)],
  ])('matches Node’s crypto for key %j', (key, text) => {
    expect(hmacSha256Hex(key, text)).toBe(createHmac('sha256', key).update(text, 'utf8').digest('hex'));
  });
});
