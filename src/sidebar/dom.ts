/**
 * Builds elements from data. Text always goes in as text nodes, never as HTML, so a workflow named
 * `<img src=x onerror=alert(1)>` shows exactly those characters.
 */
type Child = Node | string | null | false | undefined;
type Attributes = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === false || child === undefined) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Tells screen-reader users what just happened, without moving their focus. */
export function announce(message: string): void {
  const announcer = document.getElementById('announcer');
  if (!announcer) return;
  announcer.textContent = '';
  // A fresh text node after clearing makes screen readers announce a repeated message again.
  window.requestAnimationFrame(() => (announcer.textContent = message));
}
