import { describe, expect, it } from '@jest/globals';
import { FakeCardService } from './card-service';
import { FakeEnvironment } from './environment';
import { addonMessages, AddonTokens, FakeGmailAddonApp, gmailAddonEvent } from './gmail-addon';

const user = 'sam@district.example.org';

function world() {
  const env = new FakeEnvironment();
  const open = env.mail.deliver({ to: user, from: 'a@x.example.org', subject: 'Open', body: 'Hello' });
  const other = env.mail.deliver({ to: user, from: 'b@x.example.org', subject: 'Other', body: 'Secret' });
  return { env, open, other, tokens: new AddonTokens() };
}

describe('Gmail as an add-on reaches it', () => {
  it('reads the open message only after its access token is set', () => {
    const { env, open, tokens } = world();
    env.run(
      (gas) => {
        const gmail = new FakeGmailAddonApp(gas.GmailApp, tokens, user);
        expect(() => gmail.getMessageById(open.id)).toThrow(addonMessages.missingToken);
        gmail.setCurrentMessageAccessToken(tokens.issue(user, open.id));
        expect(gmail.getMessageById(open.id).getSubject()).toBe('Open');
      },
      { user },
    );
  });

  it('refuses any other message, and another user’s token', () => {
    const { env, open, other, tokens } = world();
    env.run(
      (gas) => {
        const gmail = new FakeGmailAddonApp(gas.GmailApp, tokens, user);
        gmail.setCurrentMessageAccessToken(tokens.issue(user, open.id));
        expect(() => gmail.getMessageById(other.id)).toThrow(addonMessages.otherMessage);
        gmail.setCurrentMessageAccessToken(tokens.issue('pat@district.example.org', open.id));
        expect(() => gmail.getMessageById(open.id)).toThrow(addonMessages.otherMessage);
      },
      { user },
    );
  });

  it('makes a draft reply to the open message, in its thread, to its sender', () => {
    const { env, open, tokens } = world();
    const draftId = env.run(
      (gas) => {
        const gmail = new FakeGmailAddonApp(gas.GmailApp, tokens, user);
        gmail.setCurrentMessageAccessToken(tokens.issue(user, open.id));
        return gmail.getMessageById(open.id).createDraftReply('APPROVE').getId();
      },
      { user },
    );
    expect(env.mail.draft(user, draftId)).toEqual({
      to: 'a@x.example.org',
      subject: 'Re: Open',
      body: 'APPROVE',
      threadId: open.threadId,
    });
    expect(env.mail.sent()).toEqual([]);
    const sent = env.mail.sendDraft(user, draftId);
    expect(sent.via).toBe('Gmail');
    expect(env.mail.draft(user, draftId)).toBeNull();
    expect(env.mail.threads('a@x.example.org')[0]?.messages[0]?.plainBody).toBe('APPROVE');
  });

  it('passes events in the shape of the event-objects reference, V8 form inputs included', () => {
    expect(
      gmailAddonEvent({
        messageId: 'm',
        threadId: 't',
        accessToken: 'k',
        parameters: { decision: 'APPROVE' },
        inputs: { comment: ['Fine'] },
      }),
    ).toEqual({
      commonEventObject: {
        hostApp: 'GMAIL',
        platform: 'WEB',
        parameters: { decision: 'APPROVE' },
        formInputs: { comment: { stringInputs: { value: ['Fine'] } } },
      },
      gmail: { messageId: 'm', threadId: 't', accessToken: 'k' },
    });
  });
});

describe('the CardService fake', () => {
  const cs = new FakeCardService();

  it('prints a card as Cards v2 JSON', () => {
    const card = cs
      .newCardBuilder()
      .setName('c')
      .setHeader(cs.newCardHeader().setTitle('Title').setSubtitle('Sub'))
      .addSection(
        cs
          .newCardSection()
          .setHeader('Section')
          .addWidget(cs.newDecoratedText().setTopLabel('Due').setText('Dec 6').setWrapText(true))
          .addWidget(cs.newTextInput().setFieldName('comment').setTitle('Comment').setMultiline(true))
          .addWidget(
            cs.newButtonSet().addButton(
              cs
                .newTextButton()
                .setText('Go')
                .setOnClickAction(cs.newAction().setFunctionName('go').setParameters({ a: '1' })),
            ),
          ),
      )
      .build();
    expect(JSON.parse(card.printJson())).toEqual({
      name: 'c',
      header: { title: 'Title', subtitle: 'Sub' },
      sections: [
        {
          header: 'Section',
          widgets: [
            { decoratedText: { topLabel: 'Due', text: 'Dec 6', wrapText: true } },
            { textInput: { name: 'comment', label: 'Comment', type: 'MULTIPLE_LINE' } },
            {
              buttonList: {
                buttons: [
                  {
                    text: 'Go',
                    onClick: { action: { function: 'go', parameters: [{ key: 'a', value: '1' }] } },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
  });

  it('refuses what the real builders refuse', () => {
    expect(() => cs.newCardBuilder().build()).toThrow('a card needs at least one section');
    const noAction = cs
      .newCardSection()
      .addWidget(cs.newButtonSet().addButton(cs.newTextButton().setText('Go')));
    expect(() => cs.newCardBuilder().addSection(noAction).build()).toThrow('exactly one action');
    const noName = cs.newCardSection().addWidget(cs.newTextInput());
    expect(() => cs.newCardBuilder().addSection(noName).build()).toThrow('field name');
    expect(() => cs.newAction().setParameters({ n: 1 as unknown as string })).toThrow('parameters.n');
    const full = cs.newCardSection();
    for (let i = 0; i < 100; i += 1) full.addWidget(cs.newTextParagraph().setText(String(i)));
    expect(() => full.addWidget(cs.newTextParagraph().setText('101'))).toThrow('at most 100 widgets');
    expect(() => cs.newActionResponseBuilder().build()).toThrow('needs an action');
  });
});
