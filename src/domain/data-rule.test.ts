import { describe, expect, it } from '@jest/globals';
import { sampleFacts } from '../../test/support/email-samples';
import { requestEmail } from './approval-email';
import type { ChecklistRecord } from './checklist-records';
import { dataItemSigner, dataRule } from './data-rule';
import { catalogues } from './messages';
import { languages } from './messages/catalogue';
import { dataTierDefinitions } from './workflow-profile';

/** Claims an email must never make for the district: nobody checked them when the email was written. */
const fixedClaims = [
  /excluded from (the )?prompts/i,
  /(student|personal) (records|data|information) (are|is) (never|not) (used|included|sent|shared)/i,
  /no (student|personal) (records|data) (are|is|will be) (used|included|sent|shared)/i,
  /(contains|uses|includes) no (student|personal) (records|data)/i,
];

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The sample request, for a plan at `tier` whose data rule is that tier's rule. */
const requestAt = (tier: string) => {
  const facts = sampleFacts('en');
  return requestEmail({
    ...facts,
    workflow: { ...facts.workflow, dataTier: tier },
    pilot: { ...facts.pilot, dataRule: dataRule(tier, '').rule },
  });
};

describe('the data statement in approval emails', () => {
  it.each(dataTierDefinitions.map((t) => [t.name, t] as const))(
    'quotes the %s tier’s own rule as the plan’s data rule',
    (name, tier) => {
      const email = requestAt(name);
      expect(flat(email.plain)).toContain(`Data tier: ${name}`);
      expect(flat(email.plain)).toContain(`The plan’s data rule: ${flat(tier.rule)}`);
    },
  );

  it('makes no fixed privacy claim in any email: every tier’s request and every catalogued message', () => {
    const texts = [
      ...['', ...dataTierDefinitions.map((t) => t.name)].flatMap((tier) => {
        const email = requestAt(tier);
        return [email.subject, email.plain, email.html];
      }),
      ...Object.values(catalogues).flatMap((catalogue) =>
        Object.values(catalogue).flatMap((message) => languages.map((l) => message[l])),
      ),
    ];
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) for (const claim of fixedClaims) expect(flat(text)).not.toMatch(claim);
  });

  it('words the signer of the data item, or says nobody has signed', () => {
    expect(dataRule('Amber', 'Pat Lee').signedBy).toBe('Pat Lee verified the data classification (G08).');
    expect(dataRule('', '')).toMatchObject({
      tier: 'not classified yet',
      signedBy: 'Nobody has verified the data classification (G08) yet.',
    });
  });
});

describe('who signed the data item', () => {
  const g08 = (extra: Partial<ChecklistRecord>): ChecklistRecord[] => [
    {
      row: 9,
      id: 'GV-0008',
      workflowId: 'WF-002',
      code: 'G08',
      category: 'Data & privacy',
      item: 'Each input has a data tier.',
      requirement: 'Required',
      condition: '',
      applies: true,
      expectedEvidence: '',
      ownerRole: 'Privacy officer',
      owner: 'Pat Lee',
      status: 'Done',
      evidence: 'Data inventory 2026-11',
      naReason: '',
      basis: '',
      verifiedBy: 'Pat Lee',
      due: '',
      problems: [],
      ...extra,
    },
  ];

  it('is the Verified by of the data-classification item once it is Done with evidence', () => {
    expect(dataItemSigner(g08({}))).toBe('Pat Lee');
    expect(dataItemSigner(g08({ verifiedBy: '', owner: 'Sam Ortiz' }))).toBe('Sam Ortiz');
  });

  it('is nobody while the item is open or has a problem', () => {
    expect(dataItemSigner(g08({ status: 'In progress' }))).toBe('');
    expect(dataItemSigner(g08({ problems: ['it is marked Done without evidence'] }))).toBe('');
    expect(dataItemSigner([])).toBe('');
  });
});
