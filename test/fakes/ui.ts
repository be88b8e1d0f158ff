import type { Button, ButtonSet, HtmlOutput, Menu, Ui } from '../../src/gas/apps-script';
import { unwrap } from './calls';
import * as enums from './enums';
import { gasError, signatureError } from './errors';
import { FakeHtmlOutput } from './html-service';

/** What the Ui showed during executions, for tests and the playground to read. */
export interface UiRecord {
  /** The add-on menu as last added by `addToUi()`. */
  menu: MenuEntry[] | null;
  sidebar: { title: string; content: string } | null;
  alerts: { title: string; prompt: string; buttons: string }[];
  toasts: { message: string; title: string; timeoutSeconds: number | null }[];
}

export type MenuEntry =
  { caption: string; functionName: string } | { separator: true } | { caption: string; items: MenuEntry[] };

export function emptyUiRecord(): UiRecord {
  return { menu: null, sidebar: null, alerts: [], toasts: [] };
}

export interface UiContext {
  record: UiRecord;
  wrap<T extends object>(target: T, typeName: string): T;
  /** Whether a name is a global, non-private function, as menu items must name (FAKES §2.2). */
  isCallable(functionName: string): boolean;
  /** Answers for alerts, in order; OK when none is queued. */
  nextAlertAnswer(): string;
  /** Alerts suspend the script, and locks do not survive the suspension (FAKES §2.3). */
  onSuspend(): void;
}

export class FakeUi implements Ui {
  readonly Button = enums.Button;
  readonly ButtonSet = enums.ButtonSet;

  constructor(private readonly ctx: UiContext) {}

  createAddonMenu(): Menu {
    return this.ctx.wrap(new FakeMenu(this.ctx, null), 'Menu');
  }

  /** In a published add-on the caption is ignored and the menu still goes under Extensions. */
  createMenu(caption: string): Menu {
    return this.ctx.wrap(new FakeMenu(this.ctx, caption), 'Menu');
  }

  alert(titleOrPrompt: string, promptOrButtons?: unknown, buttons?: ButtonSet): Button {
    const [title, prompt, set] =
      buttons !== undefined
        ? [titleOrPrompt, String(promptOrButtons), String(buttons)]
        : ['', titleOrPrompt, promptOrButtons === undefined ? 'OK' : String(promptOrButtons)];
    this.ctx.record.alerts.push({ title, prompt, buttons: set });
    this.ctx.onSuspend();
    return this.ctx.nextAlertAnswer() as unknown as Button;
  }

  showSidebar(userInterface: HtmlOutput): void {
    const output = unwrap(userInterface);
    if (!(output instanceof FakeHtmlOutput)) throw signatureError([userInterface], 'Ui.showSidebar');
    this.ctx.record.sidebar = { title: output.getTitle(), content: output.getContent() };
  }
}

export class FakeMenu implements Menu {
  private readonly items: MenuEntry[] = [];

  constructor(
    private readonly ctx: UiContext,
    private readonly caption: string | null,
  ) {}

  entries(): MenuEntry[] {
    return this.items;
  }

  addItem(caption: string, functionName: string): Menu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureError([caption, functionName], 'Menu.addItem');
    }
    this.items.push({ caption, functionName });
    return this.ctx.wrap(this, 'Menu');
  }

  addSeparator(): Menu {
    this.items.push({ separator: true });
    return this.ctx.wrap(this, 'Menu');
  }

  addSubMenu(menu: Menu): Menu {
    const sub = unwrap(menu);
    if (!(sub instanceof FakeMenu)) throw signatureError([menu], 'Menu.addSubMenu');
    this.items.push({ caption: sub.caption ?? '', items: sub.items });
    return this.ctx.wrap(this, 'Menu');
  }

  /** Nothing appears until this is called; every item must name a callable global function. */
  addToUi(): void {
    const missing = flatten(this.items).filter((name) => !this.ctx.isCallable(name));
    if (missing.length > 0) throw gasError(`Script function not found: ${missing.join(', ')}`);
    this.ctx.record.menu = [...this.items];
  }
}

function flatten(items: MenuEntry[]): string[] {
  return items.flatMap((item) =>
    'functionName' in item ? [item.functionName] : 'items' in item ? flatten(item.items) : [],
  );
}
