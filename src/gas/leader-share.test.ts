import { expectUnchanged, worldSnapshot } from '../../test/support/world';
import { describe, expect, it } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { district, readyWorkspace, reply, requester } from '../../test/support/approvals';
import { sheetNamed } from '../../test/support/workspace';
import * as actions from './actions';
import { shareWithLeaders } from './leader-share';

type Share = { addresses: string; access?: string; confirmOutside?: boolean; note?: string };
const share = (env: FakeEnvironment, input: Share) =>
  env.run((gas) => shareWithLeaders(gas, { access: 'summary', confirmOutside: false, note: '', ...input }), {
    user: requester,
  });

const cellsOf = (env: FakeEnvironment, sheet: string) =>
  env.run((gas) => sheetNamed(gas, sheet).getDataRange().getDisplayValues());

/** A plan with a named scorer, an approver's comment and a Log behind it. */
function approvedWithComment(): FakeEnvironment {
  const env = readyWorkspace();
  env.run((gas) => actions.sendApprovalRequests(gas), { user: requester });
  reply(env, district['technology']?.[1] ?? '', 'APPROVE\nWatch the Spanish copy on page two, Sam.');
  env.run((gas) => actions.checkRepliesNow(gas), { user: requester });
  return env;
}

describe('sharing with leaders', () => {
  it('sends the Board summary by default and grants no access', () => {
    const env = approvedWithComment();
    const before = {
      viewers: [...env.state.spreadsheet.viewers],
      editors: [...env.state.spreadsheet.editors],
    };
    const result = share(env, {
      addresses:
        'board.chair@district.example.org,  SUPER@district.example.org\nboard.chair@district.example.org',
    });
    expect(result).toEqual({
      ok: true,
      message: 'Sent the Board summary to 2 people. No access to the spreadsheet was granted.',
    });
    expect({ viewers: env.state.spreadsheet.viewers, editors: env.state.spreadsheet.editors }).toEqual(
      before,
    );
    const sent = env.mail.sent().filter((m) => !m.subject.includes('[AI Plan AP-'));
    expect(sent.map((m) => [m.to, m.via])).toEqual([
      ['board.chair@district.example.org', 'GmailApp'],
      ['super@district.example.org', 'GmailApp'],
    ]);
    const mail = sent[0];
    expect(mail?.subject).toBe(
      'AI implementation plan: board summary / Plan de implementación de IA: resumen para la junta: District AI plan',
    );
    expect(mail?.plainBody).toContain('“FAQ drafting from approved materials” is waiting for approval');
    expect(mail?.plainBody).toContain('no access to the spreadsheet comes with it');
    expect(mail?.htmlBody).toContain('<table role="presentation"');
    expect(mail?.plainBody).not.toContain('docs.google.com');
    const log = cellsOf(env, 'Log');
    expect(log.at(-1)?.slice(3, 7)).toEqual([
      'Sent the Board summary',
      'Board summary',
      '',
      'board.chair@district.example.org, super@district.example.org',
    ]);
  });

  it('puts no scorer’s name, no approval comment and no Log line in the email', () => {
    const env = approvedWithComment();
    share(env, { addresses: 'chair@district.example.org' });
    const mail = env.mail.sent().at(-1);
    const text = `${mail?.subject ?? ''}\n${mail?.plainBody ?? ''}\n${mail?.htmlBody ?? ''}`;
    const scores = cellsOf(env, 'Scores');
    const scorerAt = (scores[0] ?? []).indexOf('Scorer');
    const scorers = scores
      .slice(1)
      .map((r) => r[scorerAt] ?? '')
      .filter(Boolean);
    expect(scorers.length).toBeGreaterThan(0);
    for (const scorer of scorers) expect(text).not.toContain(scorer);
    const approvals = cellsOf(env, 'Approvals');
    const commentAt = (approvals[0] ?? []).indexOf('Comment');
    const comments = approvals
      .slice(1)
      .map((r) => r[commentAt] ?? '')
      .filter(Boolean);
    expect(comments.join(' ')).toContain('Spanish copy');
    for (const comment of comments) expect(text).not.toContain(comment);
    expect(text).not.toContain('Spanish copy');
    // Every Log line (who, what, before → after) stays out, and so does anyone's address.
    for (const row of cellsOf(env, 'Log').slice(1)) {
      const who = row[2] ?? '';
      if (who) expect(text).not.toContain(who);
      const after = row[6] ?? '';
      if (after.length > 12) expect(text).not.toContain(after);
    }
    expect(text).not.toMatch(/@district\.example\.org/);
  });

  it('gives view access only when that is chosen explicitly, and says so', () => {
    for (const access of ['viewer', 'editor', 'VIEW', undefined]) {
      const env = readyWorkspace();
      const input = { addresses: 'chair@district.example.org', confirmOutside: false, note: '', access };
      expect(env.run((gas) => shareWithLeaders(gas, input), { user: requester }).ok).toBe(true);
      expect({
        access,
        viewers: env.state.spreadsheet.viewers,
        editors: env.state.spreadsheet.editors,
      }).toEqual({
        access,
        viewers: [],
        editors: [],
      });
    }
    const env = readyWorkspace();
    const result = share(env, { addresses: 'chair@district.example.org', access: 'view' });
    expect(result).toEqual({
      ok: true,
      message: 'Sent the Board summary to 1 person and gave them view access to the whole spreadsheet.',
    });
    expect(env.state.spreadsheet.viewers).toEqual(['chair@district.example.org']);
    expect(env.state.spreadsheet.editors).toEqual([]);
    expect(env.mail.sent().at(-1)?.plainBody).toContain('You can also open the plan, view only: https://');
    expect(cellsOf(env, 'Log').at(-1)?.[7]).toContain('the Log, with who changed what and when');
  });

  it('refuses an address outside the district until it is confirmed', () => {
    const env = readyWorkspace();
    const before = JSON.stringify(env.state);
    const refused = share(env, { addresses: 'chair@district.example.org, parent.rep@gmail.com' });
    expect(refused).toEqual({
      ok: false,
      errors: [
        {
          field: 'confirmOutside',
          message:
            'parent.rep@gmail.com is outside district.example.org. Confirm that you mean to send the plan there, or remove it.',
        },
      ],
    });
    expect(JSON.stringify(env.state)).toBe(before);
    const confirmed = share(env, {
      addresses: 'chair@district.example.org, parent.rep@gmail.com',
      confirmOutside: true,
    });
    expect(confirmed.ok).toBe(true);
    expect(env.mail.sent().map((m) => m.to)).toContain('parent.rep@gmail.com');
    expect(env.state.spreadsheet.viewers).toEqual([]);
  });

  it.each<[string, string, string]>([
    [
      'an address that is not one',
      'chair@district.example.org, chair at district',
      'These are not email addresses: chair',
    ],
    ['no address', '  ', 'Give at least one email address.'],
  ])('refuses %s and changes nothing', (_case, addresses, message) => {
    const env = readyWorkspace();
    const before = worldSnapshot(env);
    const result = share(env, { addresses });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain(message);
    expectUnchanged(env, before);
  });

  it('adds nobody and sends nothing when the daily quota is too low', () => {
    const env = readyWorkspace();
    env.mail.setQuota(requester, 1);
    const result = share(env, {
      addresses: 'a@district.example.org, b@district.example.org',
      access: 'view',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'addresses',
          message:
            'Gmail allows 1 more recipient today and this needs 2. Nobody was added; try again tomorrow.',
        },
      ],
    });
    expect(env.state.spreadsheet.viewers).toEqual([]);
    expect(env.mail.sent()).toEqual([]);
  });

  it('escapes what people wrote in the summary’s HTML', () => {
    const env = readyWorkspace();
    share(env, {
      addresses: 'chair@district.example.org',
      note: '<script>alert(1)</script> For Monday’s board meeting',
    });
    const html = env.mail.sent()[0]?.htmlBody ?? '';
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; For Monday’s board meeting');
  });
});
