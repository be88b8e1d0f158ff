/**
 * The part of Apps Script the Gmail card relies on, as narrow interfaces (signatures copied from
 * `@types/google-apps-script`). `services.ts` assigns the real globals to them, so the compiler proves
 * the real services satisfy them; the fakes in test/fakes implement the same interfaces. The card
 * project has its own list because it is its own Apps Script project, with its own scopes: anything
 * not here (SpreadsheetApp, MailApp, PropertiesService, …) is out of its reach on purpose.
 */
type CS = typeof GoogleAppsScript.Card_Service;
export type ComposedEmailType = GoogleAppsScript.Card_Service.ComposedEmailType;
export type TextButtonStyle = GoogleAppsScript.Card_Service.TextButtonStyle;
/** The event object every trigger and action callback receives (add-ons event-objects reference). */
export type AddOnEvent = GoogleAppsScript.Addons.EventObject;

export interface CardService {
  ComposedEmailType: CS['ComposedEmailType'];
  TextButtonStyle: CS['TextButtonStyle'];
  newAction(): Action;
  newActionResponseBuilder(): ActionResponseBuilder;
  newButtonSet(): ButtonSet;
  newCardBuilder(): CardBuilder;
  newCardHeader(): CardHeader;
  newCardSection(): CardSection;
  newComposeActionResponseBuilder(): ComposeActionResponseBuilder;
  newDecoratedText(): DecoratedText;
  newNavigation(): Navigation;
  newNotification(): Notification;
  newTextButton(): TextButton;
  newTextInput(): TextInput;
  newTextParagraph(): TextParagraph;
}

export interface Action {
  setFunctionName(functionName: string): Action;
  setParameters(parameters: { [key: string]: string }): Action;
}

export interface ActionResponse {
  printJson(): string;
}

export interface ActionResponseBuilder {
  build(): ActionResponse;
  setNavigation(navigation: Navigation): ActionResponseBuilder;
  setNotification(notification: Notification): ActionResponseBuilder;
}

/** The base of every button. */
export interface Button {
  setComposeAction(action: Action, composedEmailType: ComposedEmailType): Button;
  setOnClickAction(action: Action): Button;
}

export interface ButtonSet {
  addButton(button: Button): ButtonSet;
}

export interface Card {
  printJson(): string;
}

export interface CardBuilder {
  addSection(section: CardSection): CardBuilder;
  build(): Card;
  setHeader(cardHeader: CardHeader): CardBuilder;
  setName(name: string): CardBuilder;
}

export interface CardHeader {
  setSubtitle(subtitle: string): CardHeader;
  setTitle(title: string): CardHeader;
}

/** A widget the card uses; `addWidget` takes any of them. */
export type Widget = ButtonSet | DecoratedText | TextInput | TextParagraph;

export interface CardSection {
  addWidget(widget: Widget): CardSection;
  setCollapsible(collapsible: boolean): CardSection;
  setHeader(header: string): CardSection;
  setNumUncollapsibleWidgets(numUncollapsibleWidgets: number): CardSection;
}

export interface ComposeActionResponse {
  printJson(): string;
}

export interface ComposeActionResponseBuilder {
  build(): ComposeActionResponse;
  setGmailDraft(draft: GmailDraft): ComposeActionResponseBuilder;
}

export interface DecoratedText {
  setText(text: string): DecoratedText;
  setTopLabel(text: string): DecoratedText;
  setWrapText(wrapText: boolean): DecoratedText;
}

export interface Navigation {
  popToRoot(): Navigation;
  pushCard(card: Card): Navigation;
}

export interface Notification {
  setText(text: string): Notification;
}

export interface TextButton extends Button {
  setComposeAction(action: Action, composedEmailType: ComposedEmailType): TextButton;
  setOnClickAction(action: Action): TextButton;
  setText(text: string): TextButton;
  setTextButtonStyle(textButtonStyle: TextButtonStyle): TextButton;
}

export interface TextInput {
  setFieldName(fieldName: string): TextInput;
  setHint(hint: string): TextInput;
  setMultiline(multiline: boolean): TextInput;
  setTitle(title: string): TextInput;
  setValue(value: string): TextInput;
}

export interface TextParagraph {
  setText(text: string): TextParagraph;
}

/**
 * GmailApp as a Gmail add-on reaches it: only the open message, after the event's access token is set
 * (gmail.addons.current.message.readonly), and a draft reply to it (gmail.addons.current.action.compose).
 */
export interface GmailApp {
  getMessageById(id: string): GmailMessage;
  setCurrentMessageAccessToken(accessToken: string): void;
}

export interface GmailMessage {
  createDraftReply(body: string): GmailDraft;
  getCc(): string;
  getFrom(): string;
  getId(): string;
  getPlainBody(): string;
  getReplyTo(): string;
  getSubject(): string;
  getTo(): string;
}

export interface GmailDraft {
  getId(): string;
}

export interface User {
  getEmail(): string;
}

export interface Session {
  getActiveUser(): User;
}

/** The globals the card reads, gathered in one record (see `services.ts`). */
export interface CardAppsScript {
  CardService: CardService;
  GmailApp: GmailApp;
  Session: Session;
}
