import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { approvalBoard, sendApprovalRequests } from '../../src/gas/approvals';
import type { CardJson } from '../fakes/card-service';
import { FakeEnvironment } from '../fakes/environment';
import { checkReplies, district, readyWorkspace, reply, requester } from '../support/approvals';
import { forbiddenReferences, topLevelFunctions } from './load-bundle';
import { actionsOf, button, GmailCardHost, type CardPanel, type OpenMessage } from './gmail-card-host';

const dist = path.resolve(__dirname, '../../dist-gmail');

function built(file: string): string {
  const full = path.join(dist, file);
  if (!existsSync(full)) throw new Error(`${full} is missing: run npm run build first (npm test does).`);
  return readFileSync(full, 'utf8');
}

const code = built('Code.js');
const manifest = JSON.parse(built('appsscript.json')) as {
  oauthScopes: string[];
  addOns: { gmail: { contextualTriggers: { onTriggerFunction: string; unconditional: object }[] } };
};

const nameOf = (email: string) => Object.values(district).find(([, address]) => address === email)?.[0];
const sam = district['technology']?.[1] ?? '';
const pat = district['privacy']?.[1] ?? '';

/** A ready plan with step 1 sent, and the message in the approver's own mailbox. */
function requestOpenedBy(approver: string): { env: FakeEnvironment; open: OpenMessage } {
  const env = readyWorkspace();
  env.run((gas) => sendApprovalRequests(gas), { user: requester });
  const thread = env.mail.threads(approver).find((t) => t.messages[0]?.subject.includes('[AI Plan AP-'));
  const message = thread?.messages[0];
  if (!thread || !message) throw new Error(`${approver} received no request`);
  return { env, open: { user: approver, messageId: message.id, threadId: thread.id } };
}

const top = (panel: CardPanel): CardJson | undefined => panel.stack[panel.stack.length - 1];
const texts = (card: CardJson | undefined) => JSON.stringify(card ?? {});
const statusOf = (env: FakeEnvironment, approver: string) =>
  env
    .run((gas) => approvalBoard(gas), { user: requester })
    .steps.flatMap((s) => s.approvers)
    .find((a) => a.name === nameOf(approver))?.status;

describe('dist-gmail/Code.js, the Gmail card project, loaded as Apps Script loads it', () => {
  it('is a classic script with no Node or browser globals', () => {
    expect(forbiddenReferences(code)).toEqual([]);
  });

  it('exposes exactly the functions its manifest and its cards name', () => {
    const { env, open } = requestOpenedBy(sam);
    const host = new GmailCardHost(code, env);
    const card = top(host.open(open));
    const named = new Set([
      ...manifest.addOns.gmail.contextualTriggers.map((t) => t.onTriggerFunction),
      ...(card ? actionsOf(card).map((a) => a.function) : []),
    ]);
    const preview = top(host.press(open, host.open(open), button(card, 'Approve')));
    for (const a of preview ? actionsOf(preview) : []) named.add(a.function);
    expect([...named].sort()).toEqual(['composeReply', 'onGmailMessage', 'reviewReply']);
    expect(topLevelFunctions(code).sort()).toEqual([...named].sort());
    expect([...new Set(host.runtime.touched)]).toEqual([]);
  });

  it('asks only for the Gmail add-on scopes it uses, and fires on every opened message', () => {
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
      'https://www.googleapis.com/auth/gmail.addons.current.message.readonly',
      'https://www.googleapis.com/auth/gmail.addons.execute',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(manifest.addOns.gmail.contextualTriggers).toEqual([
      { onTriggerFunction: 'onGmailMessage', unconditional: {} },
    ]);
  });
});

describe('the card on an approval request', () => {
  it('shows the ask, the due date, the facts and three answers to the approver', () => {
    const { env, open } = requestOpenedBy(sam);
    const card = top(new GmailCardHost(code, env).open(open));
    expect(card?.header?.title).toBe('AI Plan approval request');
    expect(card?.header?.subtitle).toMatch(/^AP-[0-9A-Z]{8}$/);
    expect(texts(card)).toContain('What you are asked');
    expect(texts(card)).toContain('FAQ drafting');
    expect(card?.sections[0]?.widgets[1]).toEqual({
      decoratedText: { topLabel: 'Due', text: expect.stringMatching(/\d/) as unknown, wrapText: true },
    });
    expect(texts(card)).toContain('Who is asking');
    expect(actionsOf(card as CardJson).map((a) => a.parameters)).toEqual([
      [{ key: 'decision', value: 'APPROVE' }],
      [{ key: 'decision', value: 'CHANGES' }],
      [{ key: 'decision', value: 'REJECT' }],
    ]);
  });

  it('pressing Approve shows what will be sent; the reply it opens is counted like a typed one', () => {
    const { env, open } = requestOpenedBy(sam);
    const host = new GmailCardHost(code, env);
    const first = host.open(open);
    const preview = host.press(open, first, button(top(first), 'Approve'), { comment: 'Looks good to me.' });
    expect(preview.error).toBeNull();
    expect(top(preview)?.header?.title).toBe('Check your reply');
    expect(texts(top(preview))).toContain('APPROVE<br><br>Looks good to me.');
    expect(texts(top(preview))).toContain('The plan will record: Approve');
    expect(texts(top(preview))).toContain(requester);
    expect(env.mail.sent().filter((m) => m.sender === sam)).toEqual([]);

    const composed = host.press(open, preview, button(top(preview), 'Open the reply to send it'));
    expect(composed.error).toBeNull();
    const draft = env.mail.draft(sam, composed.draftId ?? '');
    expect(draft).toEqual({
      to: requester,
      subject: expect.stringMatching(/^Re: .*\[AI Plan AP-/) as unknown,
      body: 'APPROVE\n\nLooks good to me.',
      threadId: open.threadId,
    });
    expect(env.mail.sent().filter((m) => m.sender === sam)).toEqual([]);

    env.mail.sendDraft(sam, composed.draftId ?? '');
    expect(statusOf(env, sam)).toBe('Sent');
    checkReplies(env);
    expect(statusOf(env, sam)).toBe('Approved');

    // The same as a typed reply: Pat types hers, and both are recorded through the one reader.
    reply(env, pat, 'APPROVE\nLooks good to me.');
    checkReplies(env);
    expect(statusOf(env, pat)).toBe('Approved');
  });

  it('Request changes and Reject open the matching keyword reply, which stops the chain', () => {
    for (const [label, keyword, status] of [
      ['Request changes', 'CHANGES', 'Changes requested'],
      ['Reject', 'REJECT', 'Rejected'],
    ] as const) {
      const { env, open } = requestOpenedBy(sam);
      const host = new GmailCardHost(code, env);
      const preview = host.press(open, host.open(open), button(top(host.open(open)), label), {
        comment: 'Add the retention note.',
      });
      const composed = host.press(open, preview, button(top(preview), 'Open the reply to send it'));
      expect(env.mail.draft(sam, composed.draftId ?? '')?.body).toBe(`${keyword}\n\nAdd the retention note.`);
      env.mail.sendDraft(sam, composed.draftId ?? '');
      checkReplies(env);
      expect(statusOf(env, sam)).toBe(status);
    }
  });

  it('says before sending when the comment will make a person read the reply', () => {
    const { env, open } = requestOpenedBy(sam);
    const host = new GmailCardHost(code, env);
    const preview = host.press(open, host.open(open), button(top(host.open(open)), 'Approve'), {
      comment: 'but only after legal reads the terms',
    });
    expect(texts(top(preview))).toContain('A person will read this reply before it counts');
  });

  it('escapes text from the email, so nothing in it becomes card markup', () => {
    const { env, open } = requestOpenedBy(sam);
    const host = new GmailCardHost(code, env);
    const preview = host.press(open, host.open(open), button(top(host.open(open)), 'Approve'), {
      comment: '<b>fine</b> & <a href="x">done</a>',
    });
    const shown = (top(preview)?.sections ?? []).flatMap((s) =>
      s.widgets.flatMap((w) =>
        'decoratedText' in w ? [w.decoratedText.text] : 'textParagraph' in w ? [w.textParagraph.text] : [],
      ),
    );
    expect(shown).toContain(
      'APPROVE<br><br>&lt;b&gt;fine&lt;/b&gt; &amp; &lt;a href=&quot;x&quot;&gt;done&lt;/a&gt;',
    );
    expect(shown.join('\n')).not.toMatch(/<(?!br>)/);
  });
});

describe('messages that are not an AI Plan request addressed to the reader', () => {
  const noButtons = (panel: CardPanel) => {
    expect(panel.error).toBeNull();
    expect(top(panel)?.header?.title).toBe('Not an AI Plan request · No es una solicitud de AI Plan');
    expect(actionsOf(top(panel) as CardJson)).toEqual([]);
  };

  it('gets a plain card, with no actions, for an ordinary email or one of our token shape without our marker', () => {
    const env = new FakeEnvironment();
    const host = new GmailCardHost(code, env);
    const messages: [string, string][] = [
      ['Lunch on Friday?', 'See you there.'],
      ['[AI Plan AP-7K2Q9F3M] Approval needed: urgent', 'Reply APPROVE to this message now.'],
      ['[AI Plan AP-7K2Q] Approval needed', '##- Reply above this line / Responda encima de esta línea -##'],
    ];
    for (const [subject, body] of messages) {
      const delivered = env.mail.deliver({ to: sam, from: 'someone@elsewhere.example', subject, body });
      noButtons(host.open({ user: sam, messageId: delivered.id, threadId: delivered.threadId }));
    }
  });

  it('gets no actions when the request is addressed to someone else (forwarded to the reader)', () => {
    const { env } = requestOpenedBy(sam);
    const request = env.mail.sent().find((m) => m.to === sam);
    const forwarded = env.mail.deliver({
      to: 'principal@district.example.org',
      from: sam,
      subject: request?.subject ?? '',
      body: request?.plainBody ?? '',
      headers: {},
    });
    // deliver() addresses To: the recipient; make it the original request's To, as a redirect keeps it.
    const box = env.mail.mailbox('principal@district.example.org');
    const message = box.threads.flatMap((t) => t.messages).find((m) => m.id === forwarded.id);
    if (!message) throw new Error('not delivered');
    message.headers = message.headers.map(([n, v]) => [n, n === 'To' ? sam : v]);
    const host = new GmailCardHost(code, env);
    const open = {
      user: 'principal@district.example.org',
      messageId: forwarded.id,
      threadId: forwarded.threadId,
    };
    const panel = host.open(open);
    noButtons(panel);
    expect(texts(top(panel))).toContain('addressed to someone else');
    // Even a hand-made action for that message opens nothing.
    const forced = host.press(open, panel, {
      function: 'reviewReply',
      parameters: [{ key: 'decision', value: 'APPROVE' }],
    });
    noButtons(forced);
    const compose = host.press(open, panel, {
      function: 'composeReply',
      parameters: [{ key: 'decision', value: 'APPROVE' }],
      composedEmailType: 'REPLY_AS_DRAFT',
    });
    expect(compose.draftId).toBeNull();
    expect(compose.error).toContain('not an AI Plan request addressed to you');
    expect(env.mail.mailbox('principal@district.example.org').drafts).toEqual([]);
  });

  it('a forged request of our shape gets the card, but its reply counts for nothing at the requester', () => {
    const { env } = requestOpenedBy(sam);
    const request = env.mail.sent().find((m) => m.to === sam);
    const forged = env.mail.deliver({
      to: sam,
      from: 'attacker@elsewhere.example',
      subject: (request?.subject ?? '').replace(/AP-[0-9A-Z]{8}/, 'AP-ZZZZZZZZ'),
      body: request?.plainBody ?? '',
    });
    const host = new GmailCardHost(code, env);
    const open = { user: sam, messageId: forged.id, threadId: forged.threadId };
    const first = host.open(open);
    const preview = host.press(open, first, button(top(first), 'Approve'));
    expect(texts(top(preview))).toContain('attacker@elsewhere.example');
    const composed = host.press(open, preview, button(top(preview), 'Open the reply to send it'));
    expect(env.mail.draft(sam, composed.draftId ?? '')?.to).toBe('attacker@elsewhere.example');
    env.mail.sendDraft(sam, composed.draftId ?? '');
    checkReplies(env);
    expect(statusOf(env, sam)).toBe('Sent');
  });
});

describe('the card in the approver’s language, and cut off anywhere', () => {
  it('answers a Spanish email in Spanish, and APROBAR is recorded', () => {
    const { env, open } = requestOpenedBy(sam);
    // An approver who reads Spanish gets the email's instructions in Spanish only.
    const message = env.mail
      .mailbox(sam)
      .threads.flatMap((t) => t.messages)
      .find((m) => m.id === open.messageId);
    if (!message) throw new Error('no request');
    message.plainBody = message.plainBody.replace(/^Reply with APPROVE.*\n/m, '');
    const host = new GmailCardHost(code, env);
    const first = host.open(open);
    expect(top(first)?.header?.title).toBe('Solicitud de aprobación de AI Plan');
    expect(actionsOf(top(first) as CardJson)).toHaveLength(3);
    const preview = host.press(open, first, button(top(first), 'Aprobar'), { comment: 'De acuerdo.' });
    expect(texts(top(preview))).toContain('El plan registrará: Aprobar');
    const composed = host.press(open, preview, button(top(preview), 'Abrir la respuesta para enviarla'));
    expect(env.mail.draft(sam, composed.draftId ?? '')?.body).toBe('APROBAR\n\nDe acuerdo.');
    env.mail.sendDraft(sam, composed.draftId ?? '');
    checkReplies(env);
    expect(statusOf(env, sam)).toBe('Approved');
  });

  it('a failure at any service call of an action sends nothing, and pressing again works', () => {
    const { env, open } = requestOpenedBy(sam);
    const host = new GmailCardHost(code, env);
    const first = host.open(open);
    const preview = host.press(open, first, button(top(first), 'Approve'));
    const openReply = button(top(preview), 'Open the reply to send it');
    const sent = env.mail.sent().length;
    const total = env.faults.callsDuring(() => host.press(open, preview, openReply));
    expect(total).toBeGreaterThan(3);
    for (let n = 1; n <= total; n += 1) {
      const drafts = env.mail.mailbox(sam).drafts.length;
      env.faults.failCall(n);
      const failed = host.press(open, preview, openReply);
      expect({ n, error: failed.error ?? '' }).toEqual({ n, error: expect.stringContaining('server error') });
      expect(failed.draftId).toBeNull(); // Gmail opens no compose window
      expect(env.mail.sent()).toHaveLength(sent);
      expect(env.mail.mailbox(sam).drafts.length - drafts).toBeLessThanOrEqual(1);
      const again = host.press(open, preview, openReply);
      expect(env.mail.draft(sam, again.draftId ?? '')?.body).toBe('APPROVE');
    }
    env.mail.sendDraft(sam, host.press(open, preview, openReply).draftId ?? '');
    checkReplies(env);
    expect(statusOf(env, sam)).toBe('Approved');
  });
});
