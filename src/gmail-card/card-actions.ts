import {
  prepareReply,
  readOpenedMessage,
  type CardDecision,
  type CardReading,
  cardDecisions,
} from '../domain/approver-card';
import type {
  ActionResponse,
  AddOnEvent,
  Card,
  CardAppsScript,
  ComposeActionResponse,
  GmailMessage,
} from './apps-script';
import { COMMENT_FIELD, notOursCard, previewCard, requestCard } from './cards';

/**
 * The card's three steps, each its own execution (each must finish within the 30-second add-on
 * limit, and nothing survives between them): open the message, review a reply, open the reply draft.
 * Every step re-reads the open message, so a parameter can never stand in for what the email says.
 */

interface Opened {
  message: GmailMessage;
  reading: CardReading;
}

/** The open message, read with the event's access token, and what the card makes of it. */
function open(gas: CardAppsScript, event: AddOnEvent): Opened | null {
  const gmail = event.gmail;
  if (!gmail?.messageId || !gmail.accessToken) return null;
  gas.GmailApp.setCurrentMessageAccessToken(gmail.accessToken);
  const message = gas.GmailApp.getMessageById(gmail.messageId);
  const reading = readOpenedMessage(
    {
      subject: message.getSubject(),
      from: message.getFrom(),
      to: message.getTo(),
      cc: message.getCc(),
      replyTo: message.getReplyTo(),
      plainBody: message.getPlainBody(),
    },
    gas.Session.getActiveUser().getEmail(),
  );
  return { message, reading };
}

function decisionOf(event: AddOnEvent): CardDecision | null {
  const value = event.commonEventObject.parameters?.['decision'];
  return cardDecisions.find((d) => d === value) ?? null;
}

function commentOf(event: AddOnEvent): string {
  const input = event.commonEventObject.formInputs?.[COMMENT_FIELD]?.stringInputs?.value ?? [];
  return input.join('\n');
}

/** Contextual trigger: the request card, or the plain card for any other message. */
export function messageCards(gas: CardAppsScript, event: AddOnEvent): Card[] {
  const opened = open(gas, event);
  if (!opened) return [notOursCard(gas.CardService, 'gone')];
  const { reading } = opened;
  return [
    reading.ours
      ? requestCard(gas.CardService, reading.request)
      : notOursCard(gas.CardService, reading.reason),
  ];
}

function notify(gas: CardAppsScript, text: string): ActionResponse {
  const cs = gas.CardService;
  return cs.newActionResponseBuilder().setNotification(cs.newNotification().setText(text)).build();
}

/** An answer pressed: shows what will be sent (a pushed card), or why it cannot be. */
export function reviewReply(gas: CardAppsScript, event: AddOnEvent): ActionResponse {
  const cs = gas.CardService;
  const opened = open(gas, event);
  const decision = decisionOf(event);
  if (!opened?.reading.ours || !decision) {
    const card = notOursCard(cs, opened && !opened.reading.ours ? opened.reading.reason : 'gone');
    return cs.newActionResponseBuilder().setNavigation(cs.newNavigation().popToRoot().pushCard(card)).build();
  }
  const request = opened.reading.request;
  const comment = commentOf(event);
  const prepared = prepareReply(request, decision, comment);
  if (!prepared.ok) return notify(gas, prepared.message);
  const card = previewCard(cs, request, decision, comment, prepared.reply);
  return cs.newActionResponseBuilder().setNavigation(cs.newNavigation().pushCard(card)).build();
}

/**
 * "Open the reply": a draft reply to the open message, in its thread, which Gmail shows in its compose
 * window for the approver to send. Nothing is sent by the add-on itself.
 */
export function composeReply(gas: CardAppsScript, event: AddOnEvent): ComposeActionResponse {
  const opened = open(gas, event);
  const decision = decisionOf(event);
  if (!opened?.reading.ours || !decision)
    throw new Error('This email is not an AI Plan request addressed to you.');
  const prepared = prepareReply(
    opened.reading.request,
    decision,
    event.commonEventObject.parameters?.['comment'] ?? '',
  );
  if (!prepared.ok) throw new Error(prepared.message);
  const draft = opened.message.createDraftReply(prepared.reply.body);
  return gas.CardService.newComposeActionResponseBuilder().setGmailDraft(draft).build();
}
