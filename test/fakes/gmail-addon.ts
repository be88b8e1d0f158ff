import type {
  AddOnEvent,
  GmailApp as CardGmailApp,
  GmailMessage as CardGmailMessage,
} from '../../src/gmail-card/apps-script';
import type { GmailApp } from '../../src/gas/apps-script';
import { unwrap } from './calls';
import { gasError, signatureError } from './errors';
import { FakeGmailMessage } from './gmail';

/**
 * Gmail as a Workspace add-on reaches it (Gmail add-on scopes, PLATFORM §1.4 and §2.2): with
 * `gmail.addons.current.message.readonly` a script reads only the message the user has open, and only
 * after `GmailApp.setCurrentMessageAccessToken(e.gmail.accessToken)` with the token of the event that
 * opened it ("Extending the message UI" guide, event-objects reference: `gmail.accessToken`,
 * `gmail.messageId`, `gmail.threadId`). Any other message, or none set, throws; the text is
 * unconfirmed. With `gmail.addons.current.action.compose` it may make a draft reply to that message.
 */
export const addonMessages = {
  missingToken: 'Missing access token for per message scope authorization.',
  otherMessage: 'Access denied: the add-on may read only the open message.',
} as const;

/** The tokens the host (Gmail) hands out with each event: each grants one user one message. */
export class AddonTokens {
  private readonly grants = new Map<string, { user: string; messageId: string }>();
  private next = 1;

  issue(user: string, messageId: string): string {
    const token = `fake-addon-token-${this.next}`;
    this.next += 1;
    this.grants.set(token, { user: user.toLowerCase(), messageId });
    return token;
  }

  allows(token: string, user: string, messageId: string): boolean {
    const grant = this.grants.get(token);
    return grant !== undefined && grant.user === user.toLowerCase() && grant.messageId === messageId;
  }
}

/** GmailApp inside the card's execution: the user's mailbox behind the per-message access rule. */
export class FakeGmailAddonApp implements CardGmailApp {
  private token: string | null = null;

  constructor(
    private readonly mailbox: GmailApp,
    private readonly tokens: AddonTokens,
    private readonly user: string,
  ) {}

  setCurrentMessageAccessToken(accessToken: string): void {
    if (typeof accessToken !== 'string')
      throw signatureError([accessToken], 'GmailApp.setCurrentMessageAccessToken');
    this.token = accessToken;
  }

  getMessageById(id: string): CardGmailMessage {
    if (typeof id !== 'string') throw signatureError([id], 'GmailApp.getMessageById');
    if (this.token === null) throw gasError(addonMessages.missingToken);
    if (!this.tokens.allows(this.token, this.user, id)) throw gasError(addonMessages.otherMessage);
    const message = this.mailbox.getMessageById(id);
    if (!(unwrap(message) instanceof FakeGmailMessage)) throw new Error('not a fake Gmail message');
    // The counted proxy forwards every method of the FakeGmailMessage behind it, createDraftReply too.
    return message as unknown as FakeGmailMessage;
  }
}

export interface GmailEventOptions {
  messageId: string;
  threadId: string;
  accessToken: string;
  /** The action's parameters (`Action.setParameters`). */
  parameters?: Record<string, string>;
  /** Text inputs by field name, as the V8 runtime gives them: `formInputs[name].stringInputs.value`. */
  inputs?: Record<string, string[]>;
  platform?: 'WEB' | 'IOS' | 'ANDROID';
}

/**
 * The event object Gmail passes to a contextual trigger or an action callback (event-objects
 * reference: `commonEventObject` with `hostApp`, `platform`, `parameters`, `formInputs`; `gmail` with
 * `messageId`, `threadId`, `accessToken`). No `userLocale` or `timeZone`: Gmail sends those only to
 * add-ons with `useLocaleFromApp` and the script.locale scope, which the card does not ask for.
 */
export function gmailAddonEvent(options: GmailEventOptions): AddOnEvent {
  const formInputs = Object.fromEntries(
    Object.entries(options.inputs ?? {}).map(([name, value]) => [name, { stringInputs: { value } }]),
  );
  return {
    commonEventObject: {
      hostApp: 'GMAIL',
      platform: options.platform ?? 'WEB',
      parameters: { ...(options.parameters ?? {}) },
      // @types declares the Rhino runtime's extra "" key as required; V8 gives `stringInputs` directly.
      formInputs: formInputs as unknown as AddOnEvent['commonEventObject']['formInputs'],
    },
    gmail: { messageId: options.messageId, threadId: options.threadId, accessToken: options.accessToken },
  };
}
