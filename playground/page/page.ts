import { drawChart, type ChartData } from './chart-svg';

/** Sheets' default size for an embedded chart. */
const CHART_WIDTH = 600;
const CHART_HEIGHT = 371;

/**
 * The playground page: the add-on menu, the spreadsheet's sheets as tables, and the sidebar frame.
 * Everything shown comes from the server's in-memory workspace; text is always set as text.
 */
import { renderGmailPanel, type GmailCardView } from './card-view';

interface CellView {
  text: string;
  formula?: string;
  note?: string;
  checkbox?: boolean;
  background?: string;
  bold?: boolean;
  wrap?: boolean;
}
interface SheetView {
  name: string;
  tabColor: string | null;
  frozenRows: number;
  protection: 'owner-only' | 'warning' | null;
  columnWidths: number[];
  rows: CellView[][];
  charts: (ChartData & { anchor: { row: number; column: number } })[];
}
type MenuEntry =
  { caption: string; functionName: string } | { separator: true } | { caption: string; items: MenuEntry[] };
interface View {
  spreadsheetName: string;
  actingAs: string;
  users: { user: string; label: string }[];
  menu: MenuEntry[];
  sidebarTitle: string | null;
  sheets: SheetView[];
  toasts: { id: number; message: string; title: string }[];
  alerts: { id: number; title: string; prompt: string }[];
  active: { sheet: string; row: number; numRows: number } | null;
  outbox: {
    messageId: string;
    from: string;
    to: string;
    subject: string;
    date: string;
    body: string;
    replies: { from: string; date: string; text: string }[];
  }[];
  gmailCard: GmailCardView | null;
}

const MAX_ROWS_SHOWN = 200;
let view: View | null = null;
let selected = 0;
// Notices already raised when the page loads were seen before (or by another tab): start after them.
let lastToast: number | null = null;
let lastAlert: number | null = null;
let lastActive = '';
let lastSheet = '';
let lastOutbox = '';
let lastCard = '';

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

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element;
}

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

async function refresh(): Promise<void> {
  view = (await (await fetch('/api/view')).json()) as View;
  render();
}

function render(): void {
  if (!view) return;
  // The add-on selected rows (e.g. "Show in sheet"): open that tab, as Sheets would.
  const active = view.active ? JSON.stringify(view.active) : '';
  if (active !== lastActive && view.active) {
    const index = view.sheets.findIndex((s) => s.name === view?.active?.sheet);
    if (index >= 0) selected = index;
  }
  byId('document-title').textContent = view.spreadsheetName;
  renderMenu(view.menu);
  renderActingAs(view);
  renderTabs(view.sheets);
  renderSheet(view.sheets[selected]);
  renderNotices(view);
  renderOutbox(view.outbox);
  renderCard(view.gmailCard);
  byId('sidebar-title').textContent = view.sidebarTitle ?? 'Sidebar';
}

function renderMenu(menu: MenuEntry[]): void {
  const items = byId('menu-items');
  items.replaceChildren();
  for (const entry of menu) {
    if (!('functionName' in entry)) continue;
    const button = el('button', { type: 'button' }, entry.caption);
    button.addEventListener('click', () => void runMenuItem(entry.functionName));
    items.append(button);
  }
}

function renderActingAs(current: View): void {
  const select = byId('acting-as') as HTMLSelectElement;
  if (select.options.length !== current.users.length) {
    select.replaceChildren(
      ...current.users.map((u) => el('option', { value: u.user }, `${u.label} — ${u.user}`)),
    );
  }
  select.value = current.actingAs;
}

function renderTabs(sheets: SheetView[]): void {
  if (selected >= sheets.length) selected = 0;
  const tabs = byId('tabs');
  const focusedTab = tabs.contains(document.activeElement);
  tabs.replaceChildren(
    ...sheets.map((sheet, i) => {
      const tab = el('button', {
        type: 'button',
        role: 'tab',
        id: `tab-${i}`,
        'aria-selected': String(i === selected),
        'aria-controls': 'sheet-panel',
        tabindex: i === selected ? '0' : '-1',
      });
      tab.textContent = sheet.name;
      if (sheet.tabColor) tab.style.borderTopColor = sheet.tabColor;
      tab.addEventListener('click', () => select(i));
      tab.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (step === 0) return;
        event.preventDefault();
        select((selected + step + sheets.length) % sheets.length, true);
      });
      return tab;
    }),
  );
  byId('sheet-panel').setAttribute('aria-labelledby', `tab-${selected}`);
  if (focusedTab) document.getElementById(`tab-${selected}`)?.focus();
}

function select(index: number, focus = false): void {
  selected = index;
  render();
  if (focus) document.getElementById(`tab-${index}`)?.focus();
}

function renderSheet(sheet: SheetView | undefined): void {
  const panel = byId('sheet-panel');
  // Most server calls only read: rebuilding an unchanged grid (thousands of cells on the Dashboard)
  // is skipped: each rebuild laid the whole page out again (34 layouts to 13 per sidebar opening).
  const shown = JSON.stringify([sheet ?? null, view?.active?.sheet === sheet?.name ? view?.active : null]);
  if (shown === lastSheet) return scrollToActiveRow(panel);
  lastSheet = shown;
  if (!sheet) {
    panel.replaceChildren(el('p', {}, 'No sheets.'));
    return;
  }
  const facts = [
    `${Math.max(0, sheet.rows.length - 1)} rows below the header`,
    sheet.frozenRows ? `${sheet.frozenRows} frozen row` : '',
    sheet.protection === 'owner-only' ? 'protected: only the owner edits by hand' : '',
    sheet.protection === 'warning' ? 'protected: hand edits ask for confirmation' : '',
  ].filter(Boolean);
  const table = el('table');
  table.append(el('caption', {}, `${sheet.name}: ${facts.join(' · ')}`));
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('td', { class: 'corner' }));
  sheet.columnWidths.forEach((width, i) => {
    const th = el('th', { scope: 'col' }, columnLetter(i + 1));
    th.style.minWidth = `${Math.min(width, 320)}px`;
    headRow.append(th);
  });
  head.append(headRow);
  table.append(head);
  const body = el('tbody');
  const active = view?.active?.sheet === sheet.name ? view.active : null;
  sheet.rows.slice(0, MAX_ROWS_SHOWN).forEach((row, r) => {
    const isActive = active !== null && r + 1 >= active.row && r + 1 < active.row + active.numRows;
    const tr = el(
      'tr',
      r < sheet.frozenRows
        ? { class: 'frozen' }
        : isActive
          ? { class: 'active-row', 'aria-current': 'true' }
          : {},
    );
    tr.append(el('th', { scope: 'row' }, String(r + 1)));
    row.forEach((cell, c) => tr.append(cellElement(cell, sheet.columnWidths[c] ?? 100)));
    body.append(tr);
  });
  table.append(body);
  const grid = el('div', { class: 'grid' });
  grid.append(table);
  const children: HTMLElement[] = [grid];
  if (sheet.rows.length > MAX_ROWS_SHOWN)
    children.push(el('p', {}, `Showing the first ${MAX_ROWS_SHOWN} of ${sheet.rows.length} rows.`));
  panel.replaceChildren(...children);
  placeCharts(grid, table, sheet);
  scrollToActiveRow(panel);
}

/** Brings the rows the add-on selected into view once, when the selection changes. */
function scrollToActiveRow(panel: HTMLElement): void {
  const activeKey = view?.active ? JSON.stringify(view.active) : '';
  if (activeKey !== lastActive) {
    lastActive = activeKey;
    panel.querySelector('.active-row')?.scrollIntoView({ block: 'center' });
  }
}

/** Each chart floats over the grid at its anchor cell, at Sheets' default size, as in Sheets. */
function placeCharts(grid: HTMLElement, table: HTMLTableElement, sheet: SheetView): void {
  for (const chart of sheet.charts) {
    const row = table.tBodies[0]?.rows[chart.anchor.row - 1];
    const column = table.tHead?.rows[0]?.cells[chart.anchor.column];
    if (!row || !column) continue;
    const figure = el('figure', { class: 'sheet-chart' });
    const origin = grid.getBoundingClientRect();
    figure.style.top = `${row.getBoundingClientRect().top - origin.top}px`;
    figure.style.left = `${column.getBoundingClientRect().left - origin.left}px`;
    figure.append(drawChart(chart, CHART_WIDTH, CHART_HEIGHT));
    grid.append(figure);
  }
}

function cellElement(cell: CellView, width: number): HTMLTableCellElement {
  const td = el('td');
  // Wrapped text takes the column's own width, as it prints.
  if (cell.wrap) {
    td.classList.add('wrap');
    td.style.width = `${width}px`;
    td.style.maxWidth = `${width}px`;
  }
  if (cell.checkbox !== undefined) {
    td.textContent = cell.checkbox ? '☑' : '☐';
    td.setAttribute('aria-label', cell.checkbox ? 'checked' : 'not checked');
    td.className = 'checkbox';
  } else {
    td.textContent = cell.text;
  }
  const title = [cell.formula ? `Formula: ${cell.formula}` : '', cell.note ? `Note: ${cell.note}` : '']
    .filter(Boolean)
    .join('\n');
  if (title) td.title = title;
  if (cell.note) td.classList.add('has-note');
  if (cell.bold) td.classList.add('bold');
  if (cell.background) td.style.backgroundColor = cell.background;
  return td;
}

const exampleReplies = [
  'APPROVE',
  'APPROVE\nLooks good to me.',
  'REJECT\nThe vendor is not on our registry.',
  'CHANGES\nPlease add the records-retention note.',
  'Aprobado. Gracias.',
  'Approved, but only after legal reads the terms.',
  'OK',
];

/** The outbox, redrawn only when it changes so a reply being typed is never lost. */
function renderOutbox(outbox: View['outbox']): void {
  const key = outbox.map((m) => `${m.messageId}:${m.replies.length}`).join(',');
  if (key === lastOutbox) return;
  lastOutbox = key;
  const area = byId('outbox');
  if (outbox.length === 0) {
    area.replaceChildren(el('p', {}, 'No email yet.'));
    return;
  }
  area.replaceChildren(
    ...outbox.map((mail, i) => {
      const article = el('article', { class: 'mail', 'aria-labelledby': `mail-${i}-subject` });
      article.append(el('h3', { id: `mail-${i}-subject` }, mail.subject));
      article.append(el('p', { class: 'mail-meta' }, `From ${mail.from} to ${mail.to} · ${mail.date}`));
      const details = el('details');
      details.append(el('summary', {}, 'Show the email'), el('pre', {}, mail.body));
      article.append(details);
      if (mail.replies.length > 0) {
        // The replies sent to it, as the sender's Gmail files them in the thread.
        article.append(el('h4', { id: `mail-${i}-replies` }, `Replies sent (${mail.replies.length})`));
        const list = el('ul', { class: 'mail-replies', 'aria-labelledby': `mail-${i}-replies` });
        for (const r of mail.replies) list.append(el('li', {}, `${r.date} · from ${r.from}: ${r.text}`));
        article.append(list);
      }
      const openButton = el(
        'button',
        { type: 'button', id: `open-gmail-${i}`, class: 'quiet' },
        'Open in Gmail',
      );
      openButton.setAttribute('aria-label', `Open in Gmail: ${mail.subject}`);
      openButton.addEventListener('click', () => void openInGmail(mail.messageId));
      article.append(el('p', { class: 'open-gmail' }));
      article.lastElementChild?.append(openButton);
      const form = el('form', { class: 'reply-form', 'aria-label': `Reply to ${mail.subject}` });
      const from = el('input', { id: `reply-from-${i}`, type: 'text', autocomplete: 'off' });
      from.value = mail.to.split(',')[0] ?? '';
      const examples = el('select', { id: `reply-example-${i}` });
      examples.append(
        ...exampleReplies.map((text) => el('option', { value: text }, text.split('\n')[0] ?? text)),
      );
      const body = el('textarea', { id: `reply-body-${i}`, rows: '3' });
      body.value = exampleReplies[0] ?? '';
      examples.addEventListener('change', () => (body.value = examples.value));
      const dmarc = el('input', { id: `reply-dmarc-${i}`, type: 'checkbox' });
      const sendButton = el('button', { type: 'submit', id: `reply-send-${i}` }, 'Send reply');
      form.append(
        el('label', { for: `reply-from-${i}` }, 'Reply as'),
        from,
        el('label', { for: `reply-example-${i}` }, 'Example'),
        examples,
        el('label', { for: `reply-body-${i}` }, 'Reply'),
        body,
        el('span', { class: 'check' }),
      );
      const check = form.lastElementChild as HTMLElement;
      check.append(dmarc, el('label', { for: `reply-dmarc-${i}` }, 'Forged: fails DMARC'));
      form.append(sendButton);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        void (async () => {
          const outcome = (await post('/api/reply', {
            messageId: mail.messageId,
            from: from.value,
            body: body.value,
            failDmarc: dmarc.checked,
          })) as { ok: boolean; message: string };
          addNotice(byId('toasts'), outcome.message, !outcome.ok);
          if (!outcome.ok) return;
          // The reply now shows under its email; focus stays on this email's Send button.
          await refresh();
          document.getElementById(`reply-send-${i}`)?.focus();
        })();
      });
      article.append(form);
      return article;
    }),
  );
}

async function cardCall(call: string, body: unknown = {}): Promise<boolean> {
  const outcome = (await post(`/api/card/${call}`, body)) as { ok: boolean; message: string };
  if (outcome.message) addNotice(byId('toasts'), outcome.message, !outcome.ok);
  await refresh();
  return outcome.ok;
}

/** Moves focus to the new card (or the compose window), as a screen reader user needs after a press. */
function focusCard(): void {
  (document.getElementById('compose-title') ?? document.getElementById('gmail-card-title'))?.focus();
}

async function openInGmail(messageId: string): Promise<void> {
  if (await cardCall('open', { messageId })) focusCard();
}

const cardHandlers = {
  press: (index: number, inputs: Record<string, string>) =>
    void cardCall('press', { index, inputs }).then(focusCard),
  back: () => void cardCall('back').then(focusCard),
  send: () => void cardCall('send').then(() => byId('mail-title').focus()),
  close: () => {
    lastCard = '';
    if (view) view.gmailCard = null;
    renderGmailPanel(byId('gmail-panel'), null, cardHandlers);
    byId('mail-title').focus();
  },
};

/** The Gmail side panel, redrawn only when the card changes so a comment being typed is kept. */
function renderCard(card: GmailCardView | null): void {
  const key = JSON.stringify(card);
  if (key === lastCard) return;
  lastCard = key;
  renderGmailPanel(byId('gmail-panel'), card, cardHandlers);
}

function renderNotices(current: View): void {
  const area = byId('toasts');
  const newest = (ids: number[]) => Math.max(-1, ...ids);
  if (lastToast === null || lastAlert === null) {
    lastToast = newest(current.toasts.map((t) => t.id));
    lastAlert = newest(current.alerts.map((a) => a.id));
    return;
  }
  const [seenToast, seenAlert] = [lastToast, lastAlert];
  for (const toast of current.toasts.filter((t) => t.id > seenToast))
    addNotice(area, `${toast.title ? `${toast.title}: ` : ''}${toast.message}`);
  for (const alert of current.alerts.filter((a) => a.id > seenAlert))
    addNotice(area, `${alert.title ? `${alert.title}: ` : ''}${alert.prompt}`, true);
  lastToast = Math.max(seenToast, newest(current.toasts.map((t) => t.id)));
  lastAlert = Math.max(seenAlert, newest(current.alerts.map((a) => a.id)));
}

function addNotice(area: HTMLElement, text: string, alert = false): void {
  const notice = el('p', { class: alert ? 'notice alert' : 'notice' }, text);
  area.append(notice);
  while (area.children.length > 4) area.firstElementChild?.remove();
  if (!alert) window.setTimeout(() => notice.remove(), 8000);
}

function showSidebar(): void {
  const frame = el('iframe', {
    src: `/sidebar?t=${Date.now()}`,
    title: 'AI Plan Workspace sidebar',
    id: 'sidebar-iframe',
  });
  byId('sidebar-frame').replaceChildren(frame);
}

async function runMenuItem(functionName: string): Promise<void> {
  const outcome = (await post('/api/run', { functionName, args: [], menu: true })) as {
    ok: boolean;
    message?: string;
    sidebarOpened?: boolean;
  };
  if (!outcome.ok) addNotice(byId('toasts'), `${functionName} failed: ${outcome.message ?? ''}`, true);
  if (outcome.sidebarOpened) showSidebar();
  await refresh();
}

window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin) return;
  const data = event.data as { type?: string };
  if (data.type === 'aiplan:server-call') void refresh();
  if (data.type === 'aiplan:close-sidebar')
    byId('sidebar-frame').replaceChildren(
      el('p', { class: 'muted' }, 'The sidebar is closed. Open it from the menu.'),
    );
});

byId('acting-as').addEventListener('change', (event) => {
  const user = (event.target as HTMLSelectElement).value;
  void (async () => {
    await post('/api/acting-as', { user });
    // The sidebar is per person: open it again as the new user, as they would in their own browser.
    if (document.getElementById('sidebar-iframe')) showSidebar();
    await refresh();
  })();
});

byId('example-people').addEventListener('click', () => {
  void (async () => {
    const outcome = (await post('/api/example-people', {})) as { ok: boolean; message: string };
    addNotice(byId('toasts'), outcome.message, !outcome.ok);
    await refresh();
  })();
});

byId('reset').addEventListener('click', () => {
  if (!window.confirm('Start over with an empty spreadsheet? The playground workspace will be cleared.'))
    return;
  void (async () => {
    await post('/api/reset', {});
    lastToast = -1;
    lastAlert = -1;
    byId('toasts').replaceChildren();
    await runMenuItem('openPlanner');
  })();
});

void (async () => {
  await refresh();
  const loaded = view as View | null;
  if (loaded?.menu.some((m) => 'functionName' in m && m.functionName === 'openPlanner'))
    await runMenuItem('openPlanner');
})();
