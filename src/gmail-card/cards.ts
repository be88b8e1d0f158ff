import {
  cardDecisions,
  decisionLabel,
  replySubject,
  type CardDecision,
  type CardRequest,
  type NotOursReason,
  type PreparedReply,
} from '../domain/approver-card';
import { escapeHtml } from '../domain/email-text';
import { render, renderFor } from '../domain/messages/catalogue';
import { cardMessages as m } from '../domain/messages/card-messages';
import type { Card, CardService } from './apps-script';

/** The action callbacks the cards name; main.ts exports functions of these names (the bundle check). */
export const REVIEW_REPLY = 'reviewReply';
export const COMPOSE_REPLY = 'composeReply';
export const COMMENT_FIELD = 'comment';

/**
 * Text widgets (TextParagraph, DecoratedText) render a subset of HTML (CardService reference:
 * "supports basic HTML formatting"), so text from an email is escaped, with its line breaks kept.
 */
const formatted = (lines: readonly string[]) => lines.map(escapeHtml).join('<br>');

/** The request: the ask, the due date, the facts, a comment box and the three answers. */
export function requestCard(cs: CardService, request: CardRequest): Card {
  const t = (message: Parameters<typeof render>[0]) => render(message, request.language);
  const summary = cs
    .newCardSection()
    .addWidget(
      cs
        .newDecoratedText()
        .setTopLabel(t(m.askLabel))
        .setText(formatted([request.ask]))
        .setWrapText(true),
    )
    .addWidget(
      cs
        .newDecoratedText()
        .setTopLabel(t(m.dueLabel))
        .setText(formatted([request.due || t(m.dueUnknown)]))
        .setWrapText(true),
    );
  const card = cs
    .newCardBuilder()
    .setName('request')
    .setHeader(cs.newCardHeader().setTitle(t(m.title)).setSubtitle(request.token))
    .addSection(summary);
  if (request.facts.length > 0) {
    const facts = cs
      .newCardSection()
      .setHeader(t(m.factsHeader))
      .setCollapsible(true)
      .setNumUncollapsibleWidgets(2);
    for (const fact of request.facts) {
      const widget = cs.newDecoratedText().setText(formatted(fact.lines)).setWrapText(true);
      facts.addWidget(fact.label ? widget.setTopLabel(fact.label) : widget);
    }
    card.addSection(facts);
  }
  const buttons = cs.newButtonSet();
  for (const decision of cardDecisions) {
    const button = cs
      .newTextButton()
      .setText(t(decisionLabel[decision]))
      .setOnClickAction(cs.newAction().setFunctionName(REVIEW_REPLY).setParameters({ decision }));
    buttons.addButton(decision === 'APPROVE' ? button.setTextButtonStyle(cs.TextButtonStyle.FILLED) : button);
  }
  card.addSection(
    cs
      .newCardSection()
      .setHeader(t(m.answerHeader))
      .addWidget(
        cs
          .newTextInput()
          .setFieldName(COMMENT_FIELD)
          .setTitle(t(m.commentLabel))
          .setHint(t(m.commentHint))
          .setMultiline(true),
      )
      .addWidget(buttons)
      .addWidget(cs.newTextParagraph().setText(formatted([t(m.typedStillWorks)]))),
  );
  return card.build();
}

/** What will be sent, before anything is: recipient, subject, body, and how the plan will read it. */
export function previewCard(
  cs: CardService,
  request: CardRequest,
  decision: CardDecision,
  comment: string,
  reply: PreparedReply,
): Card {
  const t = (message: Parameters<typeof render>[0], params = {}) => render(message, request.language, params);
  const reading =
    reply.reading === 'NEEDS_REVIEW'
      ? t(m.previewNeedsPerson)
      : t(m.previewRecords, { decision: t(decisionLabel[reply.reading]) });
  const open = cs
    .newTextButton()
    .setText(t(m.openReply))
    .setTextButtonStyle(cs.TextButtonStyle.FILLED)
    .setComposeAction(
      cs.newAction().setFunctionName(COMPOSE_REPLY).setParameters({ decision, comment }),
      cs.ComposedEmailType.REPLY_AS_DRAFT,
    );
  const line = (label: string, text: string) =>
    cs
      .newDecoratedText()
      .setTopLabel(label)
      .setText(formatted(text.split('\n')))
      .setWrapText(true);
  return cs
    .newCardBuilder()
    .setName('preview')
    .setHeader(cs.newCardHeader().setTitle(t(m.previewTitle)).setSubtitle(t(decisionLabel[decision])))
    .addSection(
      cs
        .newCardSection()
        .addWidget(cs.newTextParagraph().setText(formatted([t(m.previewIntro)])))
        .addWidget(line(t(m.previewTo), request.replyTo))
        .addWidget(line(t(m.previewSubject), replySubject(request.subject)))
        .addWidget(line(t(m.previewBody), reply.body))
        .addWidget(cs.newTextParagraph().setText(formatted([reading])))
        .addWidget(cs.newButtonSet().addButton(open))
        .addWidget(cs.newTextParagraph().setText(formatted([t(m.previewAfter)]))),
    )
    .build();
}

/** Any other message: a plain card in both languages, with nothing to press. */
export function notOursCard(cs: CardService, reason: NotOursReason | 'gone'): Card {
  const body = reason === 'not-addressed' ? m.notAddressed : reason === 'gone' ? m.requestGone : m.notOurs;
  const section = cs.newCardSection();
  for (const text of renderFor(body, 'en+es'))
    section.addWidget(cs.newTextParagraph().setText(formatted([text])));
  return cs
    .newCardBuilder()
    .setName('not-ours')
    .setHeader(cs.newCardHeader().setTitle(renderFor(m.notOursTitle, 'en+es').join(' · ')))
    .addSection(section)
    .build();
}
