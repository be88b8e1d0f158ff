import { describe, expect, it } from '@jest/globals';
import { allSamples, sampleFacts } from '../../test/support/email-samples';
import { requestEmail } from './approval-email';
import type { ChecklistRecord } from './checklist-records';
import { dataItemSigner } from './data-rule';
import { composeIncidentNotice } from './incidents';
import { catalogues } from './messages';
import { languages, readerships, render } from './messages/catalogue';
import { dataTierDefinitions } from './workflow-profile';

/** Claims an email must never make for the district: nobody checked them when the email was written. */
const fixedClaims = [
  /excluded from (the )?prompts/i,
  /(student|personal) (records|data|information) (are|is) (never|not) (used|included|sent|shared)/i,
  /no (student|personal) (records|data) (are|is|will be) (used|included|sent|shared)/i,
  /(contains|uses|includes) no (student|personal) (records|data)/i,
  /excluid[oa]s de las (instrucciones|indicaciones)/i,
  /no se (usan|incluyen|env[ií]an|comparten) (datos|expedientes)/i,
];

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The sample request for a plan at `tier`, whose own data rule says something else entirely. */
const requestAt = (tier: string, readership: (typeof readerships)[number] = 'en', verifiedBy = 'Pat Lee') => {
  const facts = sampleFacts(readership);
  return requestEmail({
    ...facts,
    workflow: { ...facts.workflow, dataTier: tier },
    dataVerifiedBy: verifiedBy,
  });
};

describe('the data statement in approval emails', () => {
  it.each(dataTierDefinitions.map((t) => [t.name, t] as const))(
    'states the %s tier’s own rule, the plan’s data rule and who verified the data item, in each language',
    (name, tier) => {
      const plain = flat(requestAt(name, 'en+es').plain);
      expect(plain).toContain(`Data tier: ${name} (${tier.label.toLowerCase()})`);
      expect(plain).toContain(`The tier’s rule: ${flat(render(tier.rule, 'en'))}`);
      expect(plain).toContain(`Regla del nivel: ${flat(render(tier.rule, 'es'))}`);
      expect(plain).toContain(`The plan’s data rule: ${flat(sampleFacts('en').pilot.dataRule)}`);
      expect(plain).toContain('Pat Lee verified the data classification (G08).');
      expect(plain).toContain('Pat Lee verificó la clasificación de los datos (G08).');
      // No other tier's rule is stated.
      for (const other of dataTierDefinitions.filter((t) => t.name !== name))
        expect(plain).not.toContain(flat(render(other.rule, 'en')));
      // The HTML states it too (apostrophes escaped as the layout does).
      expect(requestAt(name).html).toContain(render(tier.rule, 'en').slice(0, 40));
    },
  );

  it('says when there is no tier and nobody has verified the data item, rather than vouching', () => {
    const plain = flat(requestAt('', 'en', '').plain);
    expect(plain).toContain('Data tier: not classified yet.');
    expect(plain).toContain('No tier rule applies yet');
    expect(plain).toContain('Nobody has verified the data classification (G08) yet.');
  });

  it('makes no fixed privacy claim in any email: every tier’s request, every sample, the incident notice and every catalogued message', () => {
    const texts = [
      ...['', ...dataTierDefinitions.map((t) => t.name)].flatMap((tier) =>
        readerships.flatMap((r) => {
          const email = requestAt(tier, r);
          return [email.subject, email.plain, email.html];
        }),
      ),
      ...allSamples.flatMap(({ email }) => [email.subject, email.plain, email.html]),
      ...dataTierDefinitions.flatMap((t) =>
        [true, false].flatMap((paused) => {
          const notice = composeIncidentNotice({
            paused,
            token: 'IN-0001',
            workflow: 'FAQ drafting',
            severity: 'Material',
            dataInvolved: t.name,
            found: '2026-12-01',
            due: '2026-12-04 00:00 UTC',
            hours: 72,
            url: 'https://docs.google.com/spreadsheets/d/x/edit',
          });
          return [notice.subject, notice.plain, notice.html];
        }),
      ),
      ...Object.values(catalogues).flatMap((catalogue) =>
        Object.values(catalogue).flatMap((message) => languages.map((l) => message[l])),
      ),
    ];
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) for (const claim of fixedClaims) expect(flat(text)).not.toMatch(claim);
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
