/**
 * Draws the Gmail card's JSON (Cards v2: header, sections, widgets) as HTML, the way Gmail's side panel
 * shows it, so a person can read the card and press its buttons. Text widgets carry Gmail's small HTML
 * subset: only <b>, <i>, <u> and <br> become markup here; every other tag is dropped and all text is
 * set as text, so nothing from an email can run in the page.
 */
interface ActionJson {
  function: string;
  parameters: { key: string; value: string }[];
  composedEmailType?: string;
}
interface ButtonJson {
  text: string;
  type?: string;
  onClick: { action: ActionJson };
}
type WidgetJson =
  | { textParagraph: { text: string } }
  | { decoratedText: { text: string; topLabel?: string } }
  | { textInput: { name: string; label?: string; hintText?: string; value?: string; type: string } }
  | { buttonList: { buttons: ButtonJson[] } };
interface CardJson {
  name?: string;
  header?: { title: string; subtitle?: string };
  sections: {
    header?: string;
    collapsible?: boolean;
    uncollapsibleWidgetsCount?: number;
    widgets: WidgetJson[];
  }[];
}
export interface GmailCardView {
  user: string;
  subject: string;
  card: CardJson | null;
  depth: number;
  notification: string | null;
  error: string | null;
  draft: { id: string; to: string; subject: string; body: string } | null;
}

export interface CardHandlers {
  press(index: number, inputs: Record<string, string>): void;
  back(): void;
  send(): void;
  close(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

const entities: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
};
const decode = (text: string) => text.replace(/&(lt|gt|amp|quot|#39);/g, (e) => entities[e] ?? e);

/** Gmail's formatted text: <b>, <i>, <u>, <br>; other tags dropped; entities decoded; text as text. */
export function formattedText(source: string): DocumentFragment {
  const root = document.createDocumentFragment();
  const open: HTMLElement[] = [];
  const parent = (): Node => open[open.length - 1] ?? root;
  for (const part of source.split(/(<[^<>]*>)/)) {
    const tag = /^<(\/?)([a-z]+)\s*\/?>$/i.exec(part);
    if (part.startsWith('<') && part.endsWith('>')) {
      const name = tag?.[2]?.toLowerCase() ?? '';
      if (name === 'br') parent().appendChild(el('br'));
      else if (['b', 'i', 'u'].includes(name) && tag?.[1] === '') {
        const element = el(name as 'b' | 'i' | 'u');
        parent().appendChild(element);
        open.push(element);
      } else if (['b', 'i', 'u'].includes(name) && open[open.length - 1]?.tagName.toLowerCase() === name)
        open.pop();
      continue;
    }
    if (part !== '') parent().appendChild(document.createTextNode(decode(part)));
  }
  return root;
}

function renderCard(card: CardJson, handlers: CardHandlers): HTMLElement {
  const box = el('div', { class: 'gmail-card' });
  if (card.header) {
    const title = el('h4', { id: 'gmail-card-title', tabindex: '-1' }, card.header.title);
    box.append(title);
    if (card.header.subtitle) box.append(el('p', { class: 'card-subtitle' }, card.header.subtitle));
  }
  let buttonIndex = 0;
  const inputs: HTMLTextAreaElement[] = [];
  card.sections.forEach((section, s) => {
    const sectionBox = el('div', { class: 'card-section' });
    if (section.header) sectionBox.append(el('h5', {}, section.header));
    // A collapsible section shows its first widgets and folds the rest, as Gmail does.
    const folded = section.collapsible ? el('details') : null;
    if (folded) folded.append(el('summary', {}, 'Show more'));
    section.widgets.forEach((widget, w) => {
      const part: HTMLElement = folded && w >= (section.uncollapsibleWidgetsCount ?? 0) ? folded : sectionBox;
      const id = `card-${s}-${w}`;
      if ('textParagraph' in widget) {
        const p = el('p');
        p.append(formattedText(widget.textParagraph.text));
        part.append(p);
      } else if ('decoratedText' in widget) {
        const item = el('div', { class: 'card-decorated' });
        if (widget.decoratedText.topLabel)
          item.append(el('span', { class: 'card-label' }, widget.decoratedText.topLabel));
        const text = el('div');
        text.append(formattedText(widget.decoratedText.text));
        item.append(text);
        part.append(item);
      } else if ('textInput' in widget) {
        const input = widget.textInput;
        const field = el('textarea', {
          id: `card-input-${input.name}`,
          name: input.name,
          rows: input.type === 'MULTIPLE_LINE' ? '3' : '1',
          ...(input.hintText ? { 'aria-describedby': `${id}-hint` } : {}),
        });
        field.value = input.value ?? '';
        inputs.push(field);
        part.append(el('label', { for: field.id }, input.label ?? input.name), field);
        if (input.hintText) part.append(el('p', { id: `${id}-hint`, class: 'card-hint' }, input.hintText));
      } else {
        const row = el('div', { class: 'card-buttons' });
        for (const b of widget.buttonList.buttons) {
          const index = buttonIndex;
          buttonIndex += 1;
          const button = el('button', { type: 'button', id: `card-button-${index}` }, b.text);
          if (b.type === 'FILLED') button.classList.add('filled');
          button.addEventListener('click', () =>
            handlers.press(index, Object.fromEntries(inputs.map((f) => [f.name, f.value]))),
          );
          row.append(button);
        }
        part.append(row);
      }
    });
    if (folded && folded.childElementCount > 1) sectionBox.append(folded);
    box.append(sectionBox);
  });
  return box;
}

/** The whole side panel: back arrow, card, notification or error, and the compose window of a draft. */
export function renderGmailPanel(
  area: HTMLElement,
  view: GmailCardView | null,
  handlers: CardHandlers,
): void {
  if (!view) {
    area.replaceChildren();
    area.hidden = true;
    return;
  }
  area.hidden = false;
  const heading = el('h3', { id: 'gmail-panel-title' }, `Gmail, as ${view.user}: ${view.subject}`);
  const bar = el('div', { class: 'card-bar' });
  if (view.depth > 0) {
    const back = el('button', { type: 'button', id: 'card-back', class: 'quiet' }, 'Back');
    back.addEventListener('click', () => handlers.back());
    bar.append(back);
  }
  const close = el('button', { type: 'button', id: 'card-close', class: 'quiet' }, 'Close the email');
  close.addEventListener('click', () => handlers.close());
  bar.append(close);
  const children: HTMLElement[] = [heading, bar];
  if (view.error) children.push(el('p', { class: 'notice alert', role: 'alert' }, view.error));
  if (view.notification)
    children.push(el('p', { class: 'card-notification', role: 'status' }, view.notification));
  if (view.card) children.push(renderCard(view.card, handlers));
  if (view.draft) {
    const compose = el('div', { class: 'compose', role: 'group', 'aria-labelledby': 'compose-title' });
    compose.append(
      el('h4', { id: 'compose-title', tabindex: '-1' }, 'Gmail compose window (reply)'),
      el('p', { class: 'mail-meta' }, `To ${view.draft.to} · ${view.draft.subject}`),
      el('pre', {}, view.draft.body),
    );
    const sendButton = el('button', { type: 'button', id: 'compose-send', class: 'filled' }, 'Send');
    sendButton.addEventListener('click', () => handlers.send());
    compose.append(sendButton);
    children.push(compose);
  }
  area.replaceChildren(...children);
}
