import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceTemplate } from '../../sheets-templates';
import { workflows as workflowsTemplate } from '../../sheets-templates/workflows';
import { settings as settingsTemplate } from '../../sheets-templates/settings';
import {
  conditionHolds,
  conditionNamed,
  conditions,
  dataTiers,
  noFlags,
  profileFlagDefinitions,
  workflowTextFields,
} from './workflow-profile';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );

describe('one declaration of the workflow and its profile', () => {
  it('gives the Workflows sheet one column per declared field and flag, with the declared words', () => {
    const columns = new Map(workflowsTemplate.columns.map((c) => [c.key, c]));
    for (const field of workflowTextFields) expect(columns.get(field.key)?.header).toBe(field.header);
    for (const flag of profileFlagDefinitions) {
      expect(columns.get(flag.key)?.header).toBe(flag.condition);
      expect(columns.get(flag.key)?.help).toBe(flag.help);
    }
    const tier = columns.get('dataTier')?.type;
    expect(tier?.kind === 'choice' ? tier.choices : null).toEqual(dataTiers);
  });

  it('gives every sheet template unique column keys and headers', () => {
    for (const sheet of workspaceTemplate.sheets) {
      if (sheet.kind !== 'table') continue;
      expect(new Set(sheet.columns.map((c) => c.key)).size).toBe(sheet.columns.length);
      expect(new Set(sheet.columns.map((c) => c.header)).size).toBe(sheet.columns.length);
    }
  });

  it('offers exactly the declared conditions in the Settings sheet', () => {
    const condition = settingsTemplate.columns.find((c) => c.key === 'condition')?.type;
    expect(condition?.kind === 'choice' ? condition.choices : null).toEqual(['Always', ...conditions]);
  });

  it('turns each flag’s condition on with that flag alone, and personal data with Amber or Red', () => {
    for (const flag of profileFlagDefinitions) {
      const on = { dataTier: '' as const, flags: { ...noFlags(), [flag.key]: true } };
      expect(conditions.filter((c) => conditionHolds(c, on))).toEqual([flag.condition]);
    }
    for (const tier of dataTiers) {
      const holds = conditionHolds('Amber or Red data', { dataTier: tier, flags: noFlags() });
      expect({ tier, holds }).toEqual({ tier, holds: tier === 'Amber' || tier === 'Red' });
    }
    expect(conditionNamed(' family-FACING ')).toBe('Family-facing');
    expect(conditionNamed('Sometimes')).toBeNull();
  });

  it('keeps templates depending on the domain: no domain, shared or sidebar file imports a sheet template', () => {
    const root = join(__dirname, '..');
    const offenders = ['domain', 'shared', 'sidebar']
      .flatMap((dir) => filesUnder(join(root, dir)))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) => /from '[./]*\/sheets-templates\//.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(root.length + 1));
    expect(offenders).toEqual([]);
  });
});
