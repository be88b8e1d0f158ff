/**
 * The whole Apps Script surface of the Gmail card, a project of its own (src/gmail-card/appsscript.json,
 * built into dist-gmail/). Every export becomes a top-level function in its Code.js; the manifest's
 * contextual trigger and the cards' actions name exactly these.
 */
import type { ActionResponse, AddOnEvent, Card, ComposeActionResponse } from './apps-script';
import * as actions from './card-actions';
import { cardAppsScript } from './services';

/** Contextual trigger (manifest `gmail.contextualTriggers`): runs for every message the user opens. */
export function onGmailMessage(event: AddOnEvent): Card[] {
  return actions.messageCards(cardAppsScript(), event);
}

/** Approve, Request changes or Reject pressed: the card that shows what will be sent. */
export function reviewReply(event: AddOnEvent): ActionResponse {
  return actions.reviewReply(cardAppsScript(), event);
}

/** "Open the reply to send it": the draft reply in the request's thread, for the approver to send. */
export function composeReply(event: AddOnEvent): ComposeActionResponse {
  return actions.composeReply(cardAppsScript(), event);
}
