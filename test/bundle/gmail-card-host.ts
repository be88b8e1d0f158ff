import type { CardAppsScript } from '../../src/gmail-card/apps-script';
import {
  FakeActionResponse,
  FakeCard,
  FakeCardService,
  FakeComposeActionResponse,
  type ActionJson,
  type CardJson,
} from '../fakes/card-service';
import type { FakeEnvironment } from '../fakes/environment';
import { AddonTokens, FakeGmailAddonApp, gmailAddonEvent } from '../fakes/gmail-addon';
import { BundleRuntime } from './load-bundle';

/** What Gmail's side panel shows after a step: the card on top of the stack, and any notification. */
export interface CardPanel {
  /** Card stack, root first; the last is the one shown. */
  stack: CardJson[];
  notification: string | null;
  /** A draft the last action asked Gmail to open in its compose window. */
  draftId: string | null;
  /** An error the last call threw, as Gmail shows it in place of the card. */
  error: string | null;
}

export interface OpenMessage {
  user: string;
  messageId: string;
  threadId: string;
}

/**
 * Gmail running the card project, as the add-on host does: dist-gmail/Code.js loaded as a classic
 * script for each execution, with only the services the card's manifest reaches (CardService, the
 * add-on GmailApp, Session), the contextual trigger on opening a message, and the named callback on
 * each button press. Everything goes through the card's JSON (printJson), as the host reads it.
 */
export class GmailCardHost {
  readonly runtime: BundleRuntime;
  readonly tokens = new AddonTokens();

  constructor(
    code: string,
    readonly env: FakeEnvironment,
  ) {
    this.runtime = new BundleRuntime(code, env, false);
  }

  private globals(user: string): { services: CardAppsScript; end: () => void } {
    const execution = this.env.start({ user, activeUserEmail: user });
    const services: CardAppsScript = {
      CardService: new FakeCardService(),
      GmailApp: new FakeGmailAddonApp(execution.globals.GmailApp, this.tokens, user),
      Session: execution.globals.Session,
    };
    return { services, end: () => execution.end() };
  }

  private call(user: string, functionName: string, event: unknown): unknown {
    if (!this.runtime.functions.has(functionName))
      throw new Error(`Script function not found: ${functionName}`);
    const { services, end } = this.globals(user);
    try {
      const context = this.runtime.load(services);
      const fn: unknown = context[functionName];
      if (typeof fn !== 'function') throw new Error(`${functionName} is not a function after loading`);
      return (fn as (e: unknown) => unknown)(event);
    } finally {
      end();
    }
  }

  private event(
    open: OpenMessage,
    parameters: Record<string, string> = {},
    inputs: Record<string, string[]> = {},
  ) {
    return gmailAddonEvent({
      messageId: open.messageId,
      threadId: open.threadId,
      accessToken: this.tokens.issue(open.user, open.messageId),
      parameters,
      inputs,
    });
  }

  /** The user opens a message: the contextual trigger named in the manifest runs. */
  open(open: OpenMessage, trigger = 'onGmailMessage'): CardPanel {
    try {
      const result = this.call(open.user, trigger, this.event(open));
      const cards = (Array.isArray(result) ? result : [result]).map(cardJson);
      return { stack: cards.slice(0, 1), notification: null, draftId: null, error: null };
    } catch (error) {
      return { stack: [], notification: null, draftId: null, error: String(error) };
    }
  }

  /** The user presses a button of the card on top: its action runs with the form's inputs. */
  press(
    open: OpenMessage,
    panel: CardPanel,
    action: ActionJson,
    inputs: Record<string, string> = {},
  ): CardPanel {
    const parameters = Object.fromEntries(action.parameters.map((p) => [p.key, p.value]));
    const values = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, [v]]));
    const next: CardPanel = { stack: [...panel.stack], notification: null, draftId: null, error: null };
    try {
      const result = this.call(open.user, action.function, this.event(open, parameters, values));
      if (action.composedEmailType !== undefined) {
        if (!(result instanceof FakeComposeActionResponse))
          throw new Error('a compose action must return a ComposeActionResponse');
        next.draftId = (
          JSON.parse(result.printJson()) as FakeComposeActionResponse['json']
        ).composeAction.draftId;
        return next;
      }
      if (!(result instanceof FakeActionResponse)) throw new Error('an action must return an ActionResponse');
      const { action: render } = (JSON.parse(result.printJson()) as FakeActionResponse['json']).renderActions;
      for (const step of render.navigations ?? []) {
        if ('popToRoot' in step) next.stack = next.stack.slice(0, 1);
        else next.stack.push(step.pushCard);
      }
      next.notification = render.notification?.text ?? null;
      return next;
    } catch (error) {
      return { ...next, error: String(error) };
    }
  }
}

function cardJson(value: unknown): CardJson {
  if (!(value instanceof FakeCard)) throw new Error('the trigger must return Card objects');
  return JSON.parse(value.printJson()) as CardJson;
}

/** Every action a card names, for the bundle check and for pressing buttons in tests. */
export function actionsOf(card: CardJson): ActionJson[] {
  return card.sections.flatMap((s) =>
    s.widgets.flatMap((w) => ('buttonList' in w ? w.buttonList.buttons.map((b) => b.onClick.action) : [])),
  );
}

/** The button with this text on the card, or an error naming the buttons there are. */
export function button(card: CardJson | undefined, text: string): ActionJson {
  const buttons = (card?.sections ?? []).flatMap((s) =>
    s.widgets.flatMap((w) => ('buttonList' in w ? w.buttonList.buttons : [])),
  );
  const found = buttons.find((b) => b.text === text);
  if (!found) throw new Error(`No button “${text}”; the card has: ${buttons.map((b) => b.text).join(', ')}`);
  return found.onClick.action;
}
