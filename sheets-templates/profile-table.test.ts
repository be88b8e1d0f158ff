import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readApprovalChain } from '../src/domain/approval-chain';
import { planChecklist, triggerText } from '../src/domain/checklist-sync';
import { profileBlock } from '../src/domain/selection-gate';
import { readTableData } from '../src/domain/table';
import {
  dataTierDefinitions,
  noFlags,
  profileFlagDefinitions,
  type DataTier,
  type ProfileFlags,
} from '../src/domain/workflow-profile';
import type { WorkflowRecord } from '../src/domain/workflow-records';
import { defaultChecklist } from './checklist';
import { settings } from './settings';

/**
 * The checked-in table a privacy officer reads: for every profile (data tier × flags), the checklist
 * items and approval steps the add-on turns on, computed by the add-on's own code. Regenerate with
 * `UPDATE_PROFILE_TABLE=1 npx jest sheets-templates/profile-table.test.ts`.
 */
const file = join(__dirname, '..', 'docs', 'checklist-by-profile.md');

const settingsData = readTableData(settings, [
  settings.columns.map((c) => c.header),
  ...settings.defaultRows.map((row) => settings.columns.map((c) => row.values[c.key] ?? '')),
]);

const workflow = (dataTier: DataTier, flags: ProfileFlags): WorkflowRecord => ({
  row: 2,
  id: 'WF-001',
  name: 'Example',
  description: '',
  team: '',
  timeLost: '',
  fragmented: '',
  frequentSafe: '',
  dataTier,
  kind: '',
  flags,
  selected: true,
});

function profiles(): { tier: DataTier; flags: ProfileFlags }[] {
  const out: { tier: DataTier; flags: ProfileFlags }[] = [];
  for (const tier of dataTierDefinitions.map((t) => t.name))
    for (let mask = 0; mask < 2 ** profileFlagDefinitions.length; mask += 1) {
      const flags = noFlags();
      profileFlagDefinitions.forEach((f, i) => (flags[f.key] = (mask & (1 << i)) !== 0));
      out.push({ tier, flags });
    }
  return out;
}

/** What the add-on generates for one profile: item codes added to the checklist, steps that apply. */
function outcome(tier: DataTier, flags: ProfileFlags) {
  const w = workflow(tier, flags);
  const items = planChecklist(defaultChecklist, w, [], () => '').append.map((r) => String(r['code']));
  const steps = readApprovalChain(settingsData, w)
    .steps.filter((s) => s.applies)
    .map((s) => s.number);
  return { items, steps, block: profileBlock(w, true) };
}

function table(): string {
  const unconditional = defaultChecklist.filter((i) => i.triggers.length === 0);
  const conditional = defaultChecklist.filter((i) => i.triggers.length > 0);
  const steps = settings.defaultRows.filter((r) => r.values['group'] === 'Approval step');
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    '# Checklist items and approval steps by workflow profile',
    '',
    'Generated from the add-on’s own defaults by `sheets-templates/profile-table.test.ts`, which fails',
    'when this file and the code disagree. Codes are the Governance sheet’s; steps are the Settings',
    'sheet’s approval steps.',
    '',
    '## Always on',
    '',
    '| Code | Requirement | Item | Basis |',
    '| --- | --- | --- | --- |',
    ...unconditional.map((i) => `| ${i.code} | ${i.requirement} | ${cell(i.item)} | ${cell(i.basis)} |`),
    '',
    '## Conditional items, each with its trigger',
    '',
    '| Code | Turned on by | Item | Basis |',
    '| --- | --- | --- | --- |',
    ...conditional.map((i) => `| ${i.code} | ${triggerText(i)} | ${cell(i.item)} | ${cell(i.basis)} |`),
    '',
    '## Approval steps',
    '',
    '| Step | Name | Approvers | Applies when |',
    '| --- | --- | --- | --- |',
    ...steps.map(
      (r) =>
        `| ${String(r.values['id']).slice('step.'.length)} | ${cell(String(r.values['setting']))} | ${cell(String(r.values['value']))} | ${cell(String(r.values['condition']))} |`,
    ),
    '',
    '## Every profile',
    '',
    'Flags: ' +
      profileFlagDefinitions.map((f, i) => `${String.fromCharCode(65 + i)} = ${f.condition}`).join('; ') +
      '. "First pilot" says whether the profile may be selected for a district’s first pilot.',
    '',
    `| Tier | ${profileFlagDefinitions.map((_, i) => String.fromCharCode(65 + i)).join(' | ')} | First pilot | Conditional items added | Approval steps |`,
    `| --- | ${profileFlagDefinitions.map(() => '---').join(' | ')} | --- | --- | --- |`,
    ...profiles().map(({ tier, flags }) => {
      const o = outcome(tier, flags);
      const added = o.items.filter((c) => conditional.some((i) => i.code === c));
      return `| ${tier} | ${profileFlagDefinitions.map((f) => (flags[f.key] ? 'yes' : '')).join(' | ')} | ${o.block ? 'no' : 'yes'} | ${added.join(', ') || '—'} | ${o.steps.join(', ')} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

describe('the table of items and approval steps by profile', () => {
  it('is checked in and matches what the add-on generates for every profile', () => {
    const generated = table();
    if (process.env['UPDATE_PROFILE_TABLE'] === '1') writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('turns each conditional item on exactly when one of its named triggers holds', () => {
    for (const { tier, flags } of profiles()) {
      const { items } = outcome(tier, flags);
      for (const item of defaultChecklist.filter((i) => i.triggers.length > 0)) {
        const holds = item.triggers.some((t) =>
          t === 'Amber or Red data'
            ? tier === 'Amber' || tier === 'Red'
            : flags[profileFlagDefinitions.find((f) => f.condition === t)?.key ?? 'newVendor'],
        );
        expect({ code: item.code, tier, flags, on: items.includes(item.code) }).toEqual({
          code: item.code,
          tier,
          flags,
          on: holds,
        });
      }
    }
  });

  it('opens the student branch and the curriculum step for student-facing use, and blocks it in a first pilot', () => {
    const student = outcome('Green', { ...noFlags(), studentFacing: true });
    expect(student.items).toEqual(expect.arrayContaining(['G13', 'G46', 'G47', 'G48']));
    expect(student.steps).toContain(6);
    expect(student.block).toContain('student-facing');
    expect(outcome('Red', noFlags()).block).toContain('Red');
  });

  it('keys PPRA on collecting information from students, not on student-facing use', () => {
    expect(outcome('Green', { ...noFlags(), collectsFromStudents: true }).items).toContain('G14');
    expect(outcome('Green', { ...noFlags(), studentFacing: true }).items).not.toContain('G14');
  });

  it('makes accessibility, disclosure, the family notice and the communications step follow family-facing output', () => {
    const family = outcome('Green', { ...noFlags(), familyFacing: true });
    expect(family.items).toEqual(expect.arrayContaining(['G24', 'G25', 'G35', 'G39']));
    expect(family.steps).toContain(5);
  });

  it('adds procurement, the data-privacy agreement and the legal and procurement step for a new vendor', () => {
    const vendor = outcome('Green', { ...noFlags(), newVendor: true });
    expect(vendor.items).toEqual(expect.arrayContaining(['G10', 'G43']));
    expect(vendor.steps).toContain(3);
  });

  it('adds the privacy step and the agreement for personal data (Amber or Red) only', () => {
    for (const tier of ['Green', 'Yellow', 'Amber', 'Red'] as const) {
      const o = outcome(tier, noFlags());
      const personal = tier === 'Amber' || tier === 'Red';
      expect({ tier, step: o.steps.includes(2), dpa: o.items.includes('G10') }).toEqual({
        tier,
        step: personal,
        dpa: personal,
      });
    }
  });
});
