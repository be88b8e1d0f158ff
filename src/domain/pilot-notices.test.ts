import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { approvalRow, type ApprovalRecord } from './approval-records';
import type { Readership } from './messages/catalogue';
import {
  approvedAudience,
  decisionEmail,
  noticeEvent,
  noticeIntents,
  pauseEmail,
  recipientsOf,
  type DecisionFacts,
  type PauseFacts,
} from './pilot-notices';
import type { RolePerson } from './roles';

const goldenDir = path.resolve(__dirname, '../../test/golden/pilot-notices');
const update = process.env['UPDATE_GOLDEN'] === '1';

/** Compares with the checked-in text; `UPDATE_GOLDEN=1 npx jest …` rewrites it, for review as a diff. */
function expectGolden(file: string, actual: string): void {
  const at = path.join(goldenDir, file);
  if (update) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(at, actual);
  }
  expect({ file, exists: existsSync(at) }).toEqual({ file, exists: true });
  expect(actual).toBe(readFileSync(at, 'utf8'));
}

const url = 'https://docs.google.com/spreadsheets/d/1AbC/edit';
const pause: PauseFacts = {
  workflow: 'FAQ drafting from approved pages',
  reasons: [
    {
      en: '1 incident in the pilot period Dec 7 to Dec 11.',
      es: '1 incidente en el período del piloto del 7 de diciembre al 11 de diciembre.',
    },
  ],
  who: 'Morgan Diaz',
  by: 'measurement',
  sponsor: 'Dr. Rivera',
  sheetUrl: url,
};
const decision: DecisionFacts = {
  workflow: 'FAQ drafting from approved pages',
  decision: 'Extend',
  rationale: 'One incident, handled the same day; two more weeks of data before deciding to scale.',
  sponsor: 'Dr. Rivera',
  onBehalfBy: 'Morgan Diaz',
  reopens: false,
  sheetUrl: url,
};

describe('the golden texts of the pilot notifications', () => {
  it.each(['en', 'es', 'en+es'] as const)(
    'the pause notice in %s matches its checked-in text and HTML',
    (r) => {
      const email = pauseEmail(r, pause);
      expectGolden(`pause.${r}.txt`, `Subject: ${email.subject}\n\n${email.plain}`);
      expectGolden(`pause.${r}.html`, `${email.html}\n`);
    },
  );

  it.each(['en', 'es', 'en+es'] as const)(
    'the decision notice recorded on the sponsor’s behalf in %s matches its checked-in text and HTML',
    (r) => {
      const email = decisionEmail(r, decision);
      expectGolden(`decision.${r}.txt`, `Subject: ${email.subject}\n\n${email.plain}`);
      expectGolden(`decision.${r}.html`, `${email.html}\n`);
    },
  );
});

describe('what a notification says', () => {
  it('names the sponsor alone when the sponsor recorded the decision', () => {
    const email = decisionEmail('en+es', { ...decision, onBehalfBy: '' });
    expect(email.plain).toContain('Decided by Dr. Rivera, executive sponsor.\n');
    expect(email.plain).toContain('Lo decidió Dr. Rivera, patrocinador/a ejecutivo/a.\n');
    expect(email.plain).not.toContain('behalf');
  });

  it('says what happens next for each decision, and that a wider use re-opens approvals', () => {
    const next = (d: DecisionFacts['decision'], reopens = false) =>
      decisionEmail('en', { ...decision, decision: d, reopens })
        .plain.split('\n')
        .find((l) => l.startsWith('Next')) ?? '';
    expect(next('Stop')).toMatch(/^Next: staff stop using the AI tool/);
    expect(next('Scale')).toMatch(/^Next: the team prepares the wider use/);
    expect(next('Scale', true)).toMatch(/every approval step open again/);
    expect(new Set(['Scale', 'Extend', 'Narrow', 'Revise', 'Stop'].map((d) => next(d as 'Stop'))).size).toBe(
      5,
    );
  });

  it('escapes the plan’s own words in HTML and keeps them to one short line', () => {
    const hostile = '<img src=x onerror=alert(1)> & "Q&A"\n=HYPERLINK("http://evil")';
    const email = pauseEmail('en', {
      ...pause,
      workflow: hostile,
      reasons: [{ en: 'x'.repeat(2000), es: 'x'.repeat(2000) }],
    });
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Q&amp;A&quot;');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.plain.split('\n').find((l) => l.startsWith('Why'))?.length).toBeLessThan(340);
    const long = decisionEmail('es', { ...decision, rationale: 'y'.repeat(5000) });
    expect(long.plain).toContain(`Motivo: ${'y'.repeat(299)}…`);
  });

  it('carries no address: names and roles only', () => {
    for (const r of ['en', 'es', 'en+es'] as const) {
      expect(pauseEmail(r, pause).plain).not.toMatch(/@/);
      expect(decisionEmail(r, decision).plain).not.toMatch(/@/);
    }
  });

  it('says "the executive sponsor" when Settings names nobody', () => {
    expect(pauseEmail('en', { ...pause, sponsor: '' }).plain).toContain(
      'The executive sponsor can resume it',
    );
    expect(pauseEmail('es', { ...pause, sponsor: '' }).plain).toContain(
      'El/la patrocinador/a ejecutivo/a puede reanudarlo',
    );
  });

  it('says the hourly check paused it when no one saved a measurement', () => {
    expect(pauseEmail('en', { ...pause, by: 'check' }).plain).toContain(
      'Paused by the add-on’s hourly check of the Metrics sheet, run for Morgan Diaz.',
    );
  });
});

const row = (cells: Record<string, unknown>): ApprovalRecord => ({
  ...approvalRow(Number(cells['row'] ?? 2), { workflowId: 'WF-001', ...cells }),
  tampered: null,
});

describe('who is told', () => {
  const records = [
    row({ id: 'AP-1', approver: 'sam@d.org', planVersion: 'v1', status: 'Stale', requestedBy: 'old@d.org' }),
    row({
      id: 'AP-2',
      approver: 'sam@d.org',
      planVersion: 'v2',
      status: 'Approved',
      requestedBy: 'me@d.org',
      decided: new Date(2026, 10, 2),
    }),
    row({
      id: 'AP-3',
      approver: 'pat@d.org',
      planVersion: 'v2',
      status: 'Approved',
      requestedBy: 'me@d.org',
      decided: new Date(2026, 10, 3),
    }),
    row({
      id: 'AP-4',
      approver: 'boss@d.org',
      planVersion: 'v2',
      status: 'Approved',
      requestedBy: 'me@d.org',
      decided: new Date(2026, 10, 4),
    }),
    row({
      id: 'AP-5',
      approver: 'x@d.org',
      workflowId: 'WF-002',
      status: 'Approved',
      requestedBy: 'y@d.org',
    }),
  ];

  it('takes the approvers and the requester of the plan version approved last', () => {
    expect(approvedAudience(records, 'WF-001')).toEqual({
      version: 'v2',
      approvers: ['sam@d.org', 'pat@d.org', 'boss@d.org'],
      requesters: ['me@d.org'],
    });
  });

  it('counts no row whose seal does not verify', () => {
    const forged = [
      ...records.slice(0, 3),
      {
        ...row({
          id: 'AP-9',
          approver: 'mallory@d.org',
          planVersion: 'v2',
          status: 'Approved',
          requestedBy: 'me@d.org',
        }),
        tampered: { kind: 'unsealed' as const },
      },
    ];
    expect(approvedAudience(forged, 'WF-001').approvers).not.toContain('mallory@d.org');
    expect(approvedAudience([], 'WF-001')).toEqual({ version: '', approvers: [], requesters: [] });
  });

  const people: RolePerson[] = [
    { role: 'Executive sponsor', name: 'Dr. Rivera', email: 'Boss@d.org', aliases: [], row: 2 },
    { role: 'Privacy officer', name: 'Pat Lee', email: 'pat@d.org', aliases: [], row: 3 },
    { role: 'Technology director', name: 'Sam Ortiz', email: 'sam@d.org', aliases: [], row: 4 },
  ];
  const language = (email: string): Readership => (email === 'pat@d.org' ? 'es' : 'en');

  it('tells each person once, in their own language, roles first', () => {
    const told = recipientsOf(
      people,
      ['Executive sponsor', 'Privacy officer'],
      [
        { email: 'boss@d.org', role: 'Approver' },
        { email: 'me@d.org', role: 'Requester' },
      ],
      language,
    );
    expect(told).toEqual({
      recipients: [
        { email: 'boss@d.org', name: 'Dr. Rivera', role: 'Executive sponsor', readership: 'en' },
        { email: 'pat@d.org', name: 'Pat Lee', role: 'Privacy officer', readership: 'es' },
        { email: 'me@d.org', name: '', role: 'Requester', readership: 'en' },
      ],
      missing: [],
    });
    expect(noticeEvent('Morgan', 'Pause notice queued', 'WF-001', told)).toEqual({
      who: 'Morgan',
      action: 'Pause notice queued',
      subject: 'WF-001',
      before: '',
      after: 'Emailed: Executive sponsor (Dr. Rivera), Privacy officer (Pat Lee), Requester (me).',
      note: '',
    });
  });

  it('names a role with no address in Settings as missing', () => {
    const told = recipientsOf(people.slice(2), ['Executive sponsor'], [], language);
    expect(told).toEqual({ recipients: [], missing: ['Executive sponsor'] });
    expect(noticeEvent('M', 'a', 's', told).note).toBe('No email in Settings for: Executive sponsor.');
  });

  it('derives each token from what the email tells of and to whom, so the same decision queues the same rows', () => {
    const told = recipientsOf(people, ['Executive sponsor', 'Privacy officer'], [], language).recipients;
    const token = (about: readonly string[]) => `OB-${about.join('|')}`;
    const intents = noticeIntents(
      told,
      (r) => pauseEmail(r, pause),
      token,
      ['Pause', 'WF-001'],
      'WF-001',
      'M',
    );
    expect(intents.map((i) => [i.token, i.to, i.kind, i.subject])).toEqual([
      [
        'OB-Pause|WF-001|boss@d.org',
        'boss@d.org',
        'Notification',
        'AI pilot paused: FAQ drafting from approved pages',
      ],
      [
        'OB-Pause|WF-001|pat@d.org',
        'pat@d.org',
        'Notification',
        'Piloto de IA en pausa: FAQ drafting from approved pages',
      ],
    ]);
  });
});
