import { describe, expect, it } from '@jest/globals';
import { parseEntry } from './typed-entry';

const zone = 'America/Chicago';

describe('a string written by a script is stored as if typed', () => {
  it.each([
    ['01234', { value: 1234 }],
    ['2.5', { value: 2.5 }],
    ['-5', { value: -5 }],
    ['1,000,000', { value: 1000000 }],
    ['$2.99', { value: 2.99 }],
    ['50%', { value: 0.5 }],
    ['TRUE', { value: true }],
    ['false', { value: false }],
    ['=SUM(A:A)', { formula: '=SUM(A:A)' }],
    ['+1-555-0100', { formula: '=+1-555-0100' }],
    ['- not a list item', { formula: '=- not a list item' }],
    ['@mention', { value: '@mention' }],
    ["'=SUM(A:A)", { value: '=SUM(A:A)' }],
    ["'0123", { value: '0123' }],
    ['   =SUM(1,2)', { value: '   =SUM(1,2)' }],
    ['2024-02-30', { value: '2024-02-30' }],
    ['FAQ drafting', { value: 'FAQ drafting' }],
  ])('%j', (text, expected) => {
    expect(parseEntry(text, undefined, zone)).toEqual(expected);
  });

  it('turns date-like text into midnight in the spreadsheet time zone', () => {
    expect(parseEntry('2024-01-05', undefined, zone)).toEqual({
      value: new Date('2024-01-05T06:00:00.000Z'),
    });
    expect(parseEntry('7/4/2026 13:30', undefined, zone)).toEqual({
      value: new Date('2026-07-04T18:30:00.000Z'),
    });
  });

  it('keeps text as text in a plain-text ("@") cell, except a leading "="', () => {
    expect(parseEntry('01234', '@', zone)).toEqual({ value: '01234' });
    expect(parseEntry('+1-555-0100', '@', zone)).toEqual({ value: '+1-555-0100' });
    expect(parseEntry('=1+1', '@', zone)).toEqual({ formula: '=1+1' });
  });
});
