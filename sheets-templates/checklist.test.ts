import { describe, expect, it } from '@jest/globals';
import { checklistConditions } from '../src/domain/checklist-item';
import { defaultChecklist } from './checklist';
import { settings } from './settings';

const roleNames = settings.defaultRows
  .filter((row) => row.values['group'] === 'Role')
  .map((row) => row.values['setting']);

const countOf = (requirement: string): number =>
  defaultChecklist.filter((entry) => entry.requirement === requirement).length;

describe('defaultChecklist', () => {
  it('has 37 items coded G01 to G37 in order, each code used once', () => {
    const codes = defaultChecklist.map((entry) => entry.code);
    expect(codes).toEqual(Array.from({ length: 37 }, (_, i) => `G${String(i + 1).padStart(2, '0')}`));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives every item an owner role that the Settings sheet defines', () => {
    expect(roleNames.length).toBeGreaterThan(0);
    for (const entry of defaultChecklist) {
      expect({ code: entry.code, known: roleNames.includes(entry.ownerRole) }).toEqual({
        code: entry.code,
        known: true,
      });
    }
  });

  it('sets a condition exactly on conditional items, from the shared condition list', () => {
    for (const entry of defaultChecklist) {
      if (entry.requirement === 'Conditional') {
        expect(entry.condition).not.toBeNull();
        expect(checklistConditions).toContain(entry.condition);
      } else {
        expect({ code: entry.code, condition: entry.condition }).toEqual({
          code: entry.code,
          condition: null,
        });
      }
    }
  });

  it('has short, non-empty text that cannot be read as a formula when written to a cell', () => {
    const formulaStart = /^[=+\-@]/;
    for (const entry of defaultChecklist) {
      for (const text of [entry.category, entry.item, entry.evidence]) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(formulaStart);
      }
      expect({ code: entry.code, length: entry.item.length <= 200 }).toEqual({
        code: entry.code,
        length: true,
      });
      expect({ code: entry.code, length: entry.evidence.length <= 80 }).toEqual({
        code: entry.code,
        length: true,
      });
    }
  });

  it('gates the pilot on 22 required items and 6 conditional ones; the other 9 are recommended', () => {
    expect(countOf('Required')).toBe(22);
    expect(countOf('Conditional')).toBe(6);
    expect(countOf('Recommended')).toBe(9);
  });

  it('does not let the post-pilot decision block approval', () => {
    const closeOut = defaultChecklist.find((entry) => entry.code === 'G37');
    expect(closeOut?.requirement).toBe('Recommended');
    expect(closeOut?.item).toMatch(/after the pilot/i);
  });
});
