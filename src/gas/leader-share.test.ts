import { describe, expect, it } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { readyWorkspace, requester } from '../../test/support/approvals';
import { sheetNamed } from '../../test/support/workspace';
import { shareWithLeaders } from './leader-share';

const share = (env: FakeEnvironment, addresses: string, role = 'viewer', note = '') =>
  env.run((gas) => shareWithLeaders(gas, { addresses, role, note }), { user: requester });

describe('sharing with leaders', () => {
  it('adds each as a viewer and sends each the summary with the key figures and the link', () => {
    const env = readyWorkspace();
    const result = share(
      env,
      'board.chair@district.example.org,  SUPER@district.example.org\nboard.chair@district.example.org',
    );
    expect(result).toEqual({
      ok: true,
      message: 'Shared with 2 people (view only) and sent each the summary.',
    });
    expect(env.state.spreadsheet.viewers).toEqual([
      'board.chair@district.example.org',
      'super@district.example.org',
    ]);
    const sent = env.mail.sent();
    expect(sent.map((m) => [m.to, m.via])).toEqual([
      ['board.chair@district.example.org', 'MailApp'],
      ['super@district.example.org', 'MailApp'],
    ]);
    expect(sent[0]?.subject).toBe(
      'AI implementation plan: District AI plan — Phase 2 of 5: Define governance and approvals',
    );
    expect(sent[0]?.plainBody).toContain('The chosen workflow: FAQ drafting from approved materials');
    expect(sent[0]?.plainBody).toContain('Governance: 23 of 23 required items done; ready for approval');
    expect(sent[0]?.plainBody).toContain(
      env.run((gas) => gas.SpreadsheetApp.getActiveSpreadsheet()?.getUrl() ?? ''),
    );
    expect(sent[0]?.plainBody).not.toContain('@district.example.org');
    const log = env.run((gas) => sheetNamed(gas, 'Log').getDataRange().getValues());
    expect(log.at(-1)?.slice(3, 7)).toEqual([
      'Shared with leaders',
      'Viewers',
      '',
      'board.chair@district.example.org, super@district.example.org',
    ]);
  });

  it('makes editors only when asked', () => {
    const env = readyWorkspace();
    expect(share(env, 'deputy@district.example.org', 'editor').ok).toBe(true);
    expect(env.state.spreadsheet.editors).toContain('deputy@district.example.org');
    expect(env.state.spreadsheet.viewers).toEqual([]);
  });

  it.each<[string, string, string, string]>([
    [
      'an address that is not one',
      'chair@district.example.org, chair at district',
      'viewer',
      'These are not email addresses: chair',
    ],
    ['no address', '  ', 'viewer', 'Give at least one email address.'],
    ['an unknown role', 'chair@district.example.org', 'owner', 'Choose view only, or edit.'],
  ])('refuses %s and changes nothing', (_case, addresses, role, message) => {
    const env = readyWorkspace();
    const before = structuredClone(env.state);
    const result = share(env, addresses, role);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain(message);
    expect(env.state).toEqual(before);
  });

  it('adds nobody and sends nothing when the daily quota is too low', () => {
    const env = readyWorkspace();
    env.mail.setQuota(requester, 1);
    const result = share(env, 'a@district.example.org, b@district.example.org');
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
    share(
      env,
      'chair@district.example.org',
      'viewer',
      '<script>alert(1)</script> For Monday’s board meeting',
    );
    const html = env.mail.sent()[0]?.htmlBody ?? '';
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; For Monday’s board meeting');
  });
});
