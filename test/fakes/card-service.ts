import type {
  Action,
  ActionResponse,
  ActionResponseBuilder,
  Button,
  ButtonSet,
  Card,
  CardBuilder,
  CardHeader,
  CardSection,
  CardService,
  ComposeActionResponse,
  ComposeActionResponseBuilder,
  ComposedEmailType,
  DecoratedText,
  GmailDraft,
  Navigation,
  Notification,
  TextButton,
  TextButtonStyle,
  TextInput,
  TextParagraph,
  Widget,
} from '../../src/gmail-card/apps-script';
import { unwrap } from './calls';
import { enumOf } from './enums';
import { gasError } from './errors';

/**
 * CardService as the Gmail card uses it. Builders collect plain data; `build()` validates it and
 * `printJson()` gives the card as JSON in the shape of the Cards v2 reference (google.apps.card.v1:
 * `header`, `sections[].widgets[]` with `textParagraph`, `decoratedText`, `textInput`, `buttonList`;
 * https://developers.google.com/workspace/chat/api/reference/rest/v1/cards) and action responses in
 * the shape of the add-ons RenderActions reference (`renderActions.action.navigations`,
 * `.notification`). The playground draws that JSON as HTML, so what it shows is what the code built.
 *
 * Rules kept (CardService reference, PLATFORM §1): at most 100 sections per card and 100 widgets per
 * section; a button needs text and exactly one action; an action needs a function name and string
 * parameters; a text input needs a field name; a decorated text needs text; a notification needs text;
 * a card needs a section. Error texts are unconfirmed. How a compose action prints is unconfirmed: the
 * fake prints it as `onClick.action` with `composedEmailType`, and a compose response as `{composeAction:
 * {draftId}}`, which is what the host (gmail-host.ts) needs to open the draft.
 */

export const ComposedEmailTypeEnum = enumOf<typeof GoogleAppsScript.Card_Service.ComposedEmailType>([
  'REPLY_AS_DRAFT',
  'STANDALONE_DRAFT',
]);
export const TextButtonStyleEnum = enumOf<typeof GoogleAppsScript.Card_Service.TextButtonStyle>([
  'OUTLINED',
  'TEXT',
  'FILLED',
  'FILLED_TONAL',
  'BORDERLESS',
]);

export const MAX_SECTIONS = 100;
export const MAX_WIDGETS = 100;

export interface ActionJson {
  function: string;
  parameters: { key: string; value: string }[];
  composedEmailType?: string;
}
export interface ButtonJson {
  text: string;
  type?: string;
  onClick: { action: ActionJson };
}
export type WidgetJson =
  | { textParagraph: { text: string } }
  | { decoratedText: { text: string; topLabel?: string; wrapText?: boolean } }
  | { textInput: { name: string; label?: string; hintText?: string; value?: string; type: string } }
  | { buttonList: { buttons: ButtonJson[] } };
export interface SectionJson {
  header?: string;
  collapsible?: boolean;
  uncollapsibleWidgetsCount?: number;
  widgets: WidgetJson[];
}
export interface CardJson {
  name?: string;
  header?: { title: string; subtitle?: string };
  sections: SectionJson[];
}
export type NavigationJson = { popToRoot: true } | { pushCard: CardJson };
export interface ActionResponseJson {
  renderActions: { action: { navigations?: NavigationJson[]; notification?: { text: string } } };
}
export interface ComposeResponseJson {
  composeAction: { draftId: string };
}

const invalid = (what: string) => gasError(`Invalid argument: ${what}`);

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw invalid(what);
  return value;
}

/** Widgets are built into JSON when the section is built, as the real builders copy their state. */
interface WidgetSource {
  toJson(): WidgetJson;
}

function widgetJson(widget: Widget): WidgetJson {
  const raw: unknown = unwrap(widget);
  if (typeof raw !== 'object' || raw === null || !('toJson' in raw)) throw invalid('widget');
  return (raw as WidgetSource).toJson();
}

class FakeAction implements Action {
  private name = '';
  private params: Record<string, string> = {};
  setFunctionName(functionName: string): Action {
    this.name = text(functionName, 'functionName');
    return this;
  }
  setParameters(parameters: { [key: string]: string }): Action {
    if (typeof parameters !== 'object' || parameters === null) throw invalid('parameters');
    for (const [key, value] of Object.entries(parameters)) text(value, `parameters.${key}`);
    this.params = { ...parameters };
    return this;
  }
  toJson(composed?: string): ActionJson {
    if (this.name === '') throw invalid('action needs a function name');
    const json: ActionJson = {
      function: this.name,
      parameters: Object.entries(this.params).map(([key, value]) => ({ key, value })),
    };
    if (composed !== undefined) json.composedEmailType = composed;
    return json;
  }
}

function action(value: Action): FakeAction {
  const raw: unknown = unwrap(value);
  if (!(raw instanceof FakeAction)) throw invalid('action');
  return raw;
}

class FakeTextButton implements TextButton {
  private label = '';
  private style: string | null = null;
  private actions: { action: FakeAction; composed?: string }[] = [];
  setText(value: string): TextButton {
    this.label = text(value, 'text');
    return this;
  }
  setTextButtonStyle(style: TextButtonStyle): TextButton {
    this.style = String(style);
    return this;
  }
  setOnClickAction(value: Action): TextButton {
    this.actions.push({ action: action(value) });
    return this;
  }
  setComposeAction(value: Action, composedEmailType: ComposedEmailType): TextButton {
    this.actions.push({ action: action(value), composed: String(composedEmailType) });
    return this;
  }
  toJson(): ButtonJson {
    if (this.label === '') throw invalid('a button needs text');
    const [only, ...more] = this.actions;
    if (!only || more.length > 0) throw invalid('a button needs exactly one action');
    const json: ButtonJson = { text: this.label, onClick: { action: only.action.toJson(only.composed) } };
    if (this.style) json.type = this.style;
    return json;
  }
}

class FakeButtonSet implements ButtonSet {
  private buttons: FakeTextButton[] = [];
  addButton(button: Button): ButtonSet {
    const raw: unknown = unwrap(button);
    if (!(raw instanceof FakeTextButton)) throw invalid('button');
    this.buttons.push(raw);
    return this;
  }
  toJson(): WidgetJson {
    return { buttonList: { buttons: this.buttons.map((b) => b.toJson()) } };
  }
}

class FakeTextParagraph implements TextParagraph {
  private value = '';
  setText(value: string): TextParagraph {
    this.value = text(value, 'text');
    return this;
  }
  toJson(): WidgetJson {
    return { textParagraph: { text: this.value } };
  }
}

class FakeDecoratedText implements DecoratedText {
  private value = '';
  private label: string | null = null;
  private wrap = false;
  setText(value: string): DecoratedText {
    this.value = text(value, 'text');
    return this;
  }
  setTopLabel(value: string): DecoratedText {
    this.label = text(value, 'topLabel');
    return this;
  }
  setWrapText(wrapText: boolean): DecoratedText {
    this.wrap = wrapText;
    return this;
  }
  toJson(): WidgetJson {
    if (this.value === '') throw invalid('a decorated text needs text');
    return {
      decoratedText: {
        text: this.value,
        ...(this.label !== null ? { topLabel: this.label } : {}),
        ...(this.wrap ? { wrapText: true } : {}),
      },
    };
  }
}

class FakeTextInput implements TextInput {
  private name = '';
  private title: string | null = null;
  private hint: string | null = null;
  private value: string | null = null;
  private multiline = false;
  setFieldName(fieldName: string): TextInput {
    this.name = text(fieldName, 'fieldName');
    return this;
  }
  setTitle(value: string): TextInput {
    this.title = text(value, 'title');
    return this;
  }
  setHint(value: string): TextInput {
    this.hint = text(value, 'hint');
    return this;
  }
  setValue(value: string): TextInput {
    this.value = text(value, 'value');
    return this;
  }
  setMultiline(multiline: boolean): TextInput {
    this.multiline = multiline;
    return this;
  }
  toJson(): WidgetJson {
    if (this.name === '') throw invalid('a text input needs a field name');
    return {
      textInput: {
        name: this.name,
        ...(this.title !== null ? { label: this.title } : {}),
        ...(this.hint !== null ? { hintText: this.hint } : {}),
        ...(this.value !== null ? { value: this.value } : {}),
        type: this.multiline ? 'MULTIPLE_LINE' : 'SINGLE_LINE',
      },
    };
  }
}

class FakeCardSection implements CardSection {
  private widgets: Widget[] = [];
  private header: string | null = null;
  private collapsible = false;
  private uncollapsible: number | null = null;
  addWidget(widget: Widget): CardSection {
    if (this.widgets.length >= MAX_WIDGETS) throw invalid(`a section holds at most ${MAX_WIDGETS} widgets`);
    this.widgets.push(widget);
    return this;
  }
  setHeader(header: string): CardSection {
    this.header = text(header, 'header');
    return this;
  }
  setCollapsible(collapsible: boolean): CardSection {
    this.collapsible = collapsible;
    return this;
  }
  setNumUncollapsibleWidgets(count: number): CardSection {
    if (!Number.isInteger(count) || count < 0) throw invalid('numUncollapsibleWidgets');
    this.uncollapsible = count;
    return this;
  }
  toJson(): SectionJson {
    return {
      ...(this.header !== null ? { header: this.header } : {}),
      ...(this.collapsible ? { collapsible: true } : {}),
      ...(this.uncollapsible !== null ? { uncollapsibleWidgetsCount: this.uncollapsible } : {}),
      widgets: this.widgets.map(widgetJson),
    };
  }
}

class FakeCardHeader implements CardHeader {
  title = '';
  subtitle: string | null = null;
  setTitle(value: string): CardHeader {
    this.title = text(value, 'title');
    return this;
  }
  setSubtitle(value: string): CardHeader {
    this.subtitle = text(value, 'subtitle');
    return this;
  }
}

/** A built card: its JSON is fixed when it is built. */
export class FakeCard implements Card {
  constructor(readonly json: CardJson) {}
  printJson(): string {
    return JSON.stringify(this.json, null, 2);
  }
}

class FakeCardBuilder implements CardBuilder {
  private sections: FakeCardSection[] = [];
  private header: FakeCardHeader | null = null;
  private name: string | null = null;
  addSection(section: CardSection): CardBuilder {
    const raw: unknown = unwrap(section);
    if (!(raw instanceof FakeCardSection)) throw invalid('section');
    if (this.sections.length >= MAX_SECTIONS) throw invalid(`a card holds at most ${MAX_SECTIONS} sections`);
    this.sections.push(raw);
    return this;
  }
  setHeader(cardHeader: CardHeader): CardBuilder {
    const raw: unknown = unwrap(cardHeader);
    if (!(raw instanceof FakeCardHeader)) throw invalid('header');
    this.header = raw;
    return this;
  }
  setName(name: string): CardBuilder {
    this.name = text(name, 'name');
    return this;
  }
  build(): Card {
    if (this.sections.length === 0) throw invalid('a card needs at least one section');
    if (this.header && this.header.title === '') throw invalid('a card header needs a title');
    return new FakeCard({
      ...(this.name !== null ? { name: this.name } : {}),
      ...(this.header
        ? {
            header: {
              title: this.header.title,
              ...(this.header.subtitle !== null ? { subtitle: this.header.subtitle } : {}),
            },
          }
        : {}),
      sections: this.sections.map((s) => s.toJson()),
    });
  }
}

function card(value: Card): FakeCard {
  const raw: unknown = unwrap(value);
  if (!(raw instanceof FakeCard)) throw invalid('card');
  return raw;
}

class FakeNavigation implements Navigation {
  readonly steps: NavigationJson[] = [];
  popToRoot(): Navigation {
    this.steps.push({ popToRoot: true });
    return this;
  }
  pushCard(value: Card): Navigation {
    this.steps.push({ pushCard: card(value).json });
    return this;
  }
}

class FakeNotification implements Notification {
  value = '';
  setText(value: string): Notification {
    this.value = text(value, 'text');
    return this;
  }
}

export class FakeActionResponse implements ActionResponse {
  constructor(readonly json: ActionResponseJson) {}
  printJson(): string {
    return JSON.stringify(this.json, null, 2);
  }
}

class FakeActionResponseBuilder implements ActionResponseBuilder {
  private navigation: FakeNavigation | null = null;
  private notification: FakeNotification | null = null;
  setNavigation(navigation: Navigation): ActionResponseBuilder {
    const raw: unknown = unwrap(navigation);
    if (!(raw instanceof FakeNavigation)) throw invalid('navigation');
    this.navigation = raw;
    return this;
  }
  setNotification(notification: Notification): ActionResponseBuilder {
    const raw: unknown = unwrap(notification);
    if (!(raw instanceof FakeNotification)) throw invalid('notification');
    this.notification = raw;
    return this;
  }
  build(): ActionResponse {
    if (this.notification && this.notification.value === '') throw invalid('a notification needs text');
    if (!this.navigation && !this.notification) throw invalid('an action response needs an action');
    return new FakeActionResponse({
      renderActions: {
        action: {
          ...(this.navigation ? { navigations: [...this.navigation.steps] } : {}),
          ...(this.notification ? { notification: { text: this.notification.value } } : {}),
        },
      },
    });
  }
}

export class FakeComposeActionResponse implements ComposeActionResponse {
  constructor(readonly json: ComposeResponseJson) {}
  printJson(): string {
    return JSON.stringify(this.json, null, 2);
  }
}

class FakeComposeActionResponseBuilder implements ComposeActionResponseBuilder {
  private draftId: string | null = null;
  setGmailDraft(draft: GmailDraft): ComposeActionResponseBuilder {
    this.draftId = text(draft.getId(), 'draft');
    return this;
  }
  build(): ComposeActionResponse {
    if (this.draftId === null) throw invalid('a compose action response needs a draft');
    return new FakeComposeActionResponse({ composeAction: { draftId: this.draftId } });
  }
}

export class FakeCardService implements CardService {
  readonly ComposedEmailType = ComposedEmailTypeEnum;
  readonly TextButtonStyle = TextButtonStyleEnum;
  constructor(private readonly wrap: <T extends object>(target: T, typeName: string) => T = (t) => t) {}
  newAction(): Action {
    return this.wrap(new FakeAction(), 'Action');
  }
  newActionResponseBuilder(): ActionResponseBuilder {
    return this.wrap(new FakeActionResponseBuilder(), 'ActionResponseBuilder');
  }
  newButtonSet(): ButtonSet {
    return this.wrap(new FakeButtonSet(), 'ButtonSet');
  }
  newCardBuilder(): CardBuilder {
    return this.wrap(new FakeCardBuilder(), 'CardBuilder');
  }
  newCardHeader(): CardHeader {
    return this.wrap(new FakeCardHeader(), 'CardHeader');
  }
  newCardSection(): CardSection {
    return this.wrap(new FakeCardSection(), 'CardSection');
  }
  newComposeActionResponseBuilder(): ComposeActionResponseBuilder {
    return this.wrap(new FakeComposeActionResponseBuilder(), 'ComposeActionResponseBuilder');
  }
  newDecoratedText(): DecoratedText {
    return this.wrap(new FakeDecoratedText(), 'DecoratedText');
  }
  newNavigation(): Navigation {
    return this.wrap(new FakeNavigation(), 'Navigation');
  }
  newNotification(): Notification {
    return this.wrap(new FakeNotification(), 'Notification');
  }
  newTextButton(): TextButton {
    return this.wrap(new FakeTextButton(), 'TextButton');
  }
  newTextInput(): TextInput {
    return this.wrap(new FakeTextInput(), 'TextInput');
  }
  newTextParagraph(): TextParagraph {
    return this.wrap(new FakeTextParagraph(), 'TextParagraph');
  }
}
