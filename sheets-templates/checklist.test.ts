import { describe, expect, it } from '@jest/globals';
import { conditions as checklistConditions } from '../src/domain/workflow-profile';
import { defaultChecklist } from './checklist';
import { settings } from './settings';

const roleNames = settings.defaultRows
  .filter((row) => row.values['group'] === 'Role')
  .map((row) => row.values['setting']);

const countOf = (requirement: string): number =>
  defaultChecklist.filter((entry) => entry.requirement === requirement).length;

describe('defaultChecklist', () => {
  it('has 48 items coded G01 to G48 in order, each code used once', () => {
    const codes = defaultChecklist.map((entry) => entry.code);
    expect(codes).toEqual(Array.from({ length: 48 }, (_, i) => `G${String(i + 1).padStart(2, '0')}`));
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

  it('names the triggers exactly of conditional items, from the shared condition list', () => {
    for (const entry of defaultChecklist) {
      if (entry.requirement === 'Conditional') {
        expect(entry.triggers.length).toBeGreaterThan(0);
        for (const trigger of entry.triggers) expect(checklistConditions).toContain(trigger);
      } else {
        expect({ code: entry.code, triggers: entry.triggers }).toEqual({ code: entry.code, triggers: [] });
      }
    }
  });

  it('cites the rule every item rests on', () => {
    for (const entry of defaultChecklist)
      expect({ code: entry.code, basis: entry.basis.length > 5 }).toEqual({ code: entry.code, basis: true });
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

  it('gates the pilot on 27 required items and 13 conditional ones; the other 8 are recommended', () => {
    expect(countOf('Required')).toBe(27);
    expect(countOf('Conditional')).toBe(13);
    expect(countOf('Recommended')).toBe(8);
  });

  it('does not let the post-pilot decision block approval', () => {
    const closeOut = defaultChecklist.find((entry) => entry.code === 'G37');
    expect(closeOut?.requirement).toBe('Recommended');
    expect(closeOut?.item).toMatch(/after the pilot/i);
  });
});
