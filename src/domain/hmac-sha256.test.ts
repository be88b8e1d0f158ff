import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { hmacSha256Hex, sha256Hex } from './hmac-sha256';

const node = (key: string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest('hex');

describe('HMAC-SHA256 in plain TypeScript', () => {
  it.each([
    ['key', 'The quick brown fox jumps over the lazy dog'],
    ['', ''],
    ['secret', 'Aprobación — décision ✓ 😀 \u0001 fields'],
    ['k'.repeat(100), 'x'.repeat(1000)],
    ['a'.repeat(64), 'y'.repeat(55)],
    ['b'.repeat(63), 'z'.repeat(56)],
    ['lone', 'a\ud800b\udc00c\ud83d'],
    ['ñ'.repeat(40), 'ü'.repeat(100)],
  ])('matches Node’s crypto for key %j', (key, text) => {
    expect(hmacSha256Hex(key, text)).toBe(node(key, text));
  });

  it('matches Node’s crypto at every length around the block edges, keys changing between calls', () => {
    const chars = ['a', 'é', '✓', '😀'];
    const differ: string[] = [];
    for (let length = 0; length <= 140; length += 1) {
      const text = Array.from({ length }, (_, i) => chars[(i * 7 + length) % chars.length]).join('');
      for (const key of ['k', 'K'.repeat(length), 'é'.repeat(length % 70)])
        if (hmacSha256Hex(key, text) !== node(key, text)) differ.push(`${key.length}/${length}`);
    }
    expect(differ).toEqual([]);
  });
});

describe('SHA-256 in plain TypeScript', () => {
  it('matches Node’s crypto at every length around the block edges', () => {
    const chars = ['a', 'é', '✓', '😀', '\ud800'];
    const differ: number[] = [];
    for (let length = 0; length <= 140; length += 1) {
      const text = Array.from({ length }, (_, i) => chars[(i * 5 + length) % chars.length]).join('');
      if (sha256Hex(text) !== createHash('sha256').update(text, 'utf8').digest('hex')) differ.push(length);
    }
    expect(differ).toEqual([]);
  });
});
