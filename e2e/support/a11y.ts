// Accessibility checks run inside the page: every visible control has an accessible name, no positive tabindex,
// no duplicate ids (labels and aria-* references point at ids, so a duplicate can label the wrong control).
// The name is computed the way assistive technology would find a label, minus placeholder: a placeholder
// disappears while typing, so it does not count as a label here.
import type { Page } from 'playwright-core';

// The e2e project compiles without the DOM library (it clashes with Node's types); these functions run in the
// page, so the little of the DOM they touch is declared here, local to this module.
interface DomEl {
  tagName: string;
  id: string;
  title: string;
  textContent: string | null;
  tabIndex: number;
  classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  closest(selector: string): DomEl | null;
  querySelectorAll(selector: string): Iterable<DomEl>;
  checkVisibility(options?: { visibilityProperty?: boolean }): boolean;
  /** Inputs, selects, textareas and buttons. */
  labels?: ArrayLike<DomEl> | null;
  type?: string;
  value?: string;
  alt?: string;
}
declare const document: {
  activeElement: DomEl | null;
  body: DomEl;
  getElementById(id: string): DomEl | null;
  querySelector(selector: string): DomEl | null;
  querySelectorAll(selector: string): Iterable<DomEl>;
};

const CONTROLS = [
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'button',
  'a[href]',
  '[role="button"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="switch"]',
  '[role="tab"]',
  '[role="combobox"]',
  '[role="textbox"]',
  '[role="slider"]',
  '[role="spinbutton"]',
  '[tabindex]:not([tabindex^="-"])',
].join(', ');

/** Violations inside `scope` (a CSS selector; the whole document by default), one readable line each. */
export function auditControls(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate(
    ({ scope, selector }) => {
      const root = document.querySelector(scope);
      if (!root) return [`no element matches ${scope}`];
      const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
      const textOf = (el: DomEl): string => {
        const alts = [...el.querySelectorAll('img[alt]')].map((i) => i.alt ?? '');
        return clean(`${el.textContent ?? ''} ${alts.join(' ')}`);
      };
      const nameOf = (el: DomEl): string => {
        const labelledBy = el.getAttribute('aria-labelledby');
        if (labelledBy) {
          const t = clean(
            labelledBy
              .split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' '),
          );
          if (t) return t;
        }
        const aria = clean(el.getAttribute('aria-label'));
        if (aria) return aria;
        const labels = el.labels;
        if (labels?.length) {
          const t = clean(Array.from(labels, (l) => l.textContent ?? '').join(' '));
          if (t) return t;
        }
        if (el.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(el.type ?? '')) return clean(el.value);
        const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
        if (['button', 'a', 'tab', 'radio', 'checkbox', 'switch'].includes(role)) {
          const t = textOf(el);
          if (t) return t;
        }
        return clean(el.title);
      };
      const describe = (el: DomEl) => {
        const attrs = ['type', 'id', 'name', 'class', 'role', 'href']
          .map((a) => (el.getAttribute(a) ? `${a}="${el.getAttribute(a)}"` : ''))
          .filter(Boolean)
          .join(' ');
        const near = clean(el.closest('.form-row, tr, section, dialog, header')?.textContent).slice(0, 60);
        return `<${el.tagName.toLowerCase()} ${attrs}> near "${near}"`;
      };
      const out: string[] = [];
      for (const el of root.querySelectorAll(selector)) {
        if (!el.checkVisibility({ visibilityProperty: true }) && !el.closest('.sr-only')) continue;
        if (el.tabIndex > 0) out.push(`positive tabindex ${el.tabIndex}: ${describe(el)}`);
        if (!nameOf(el)) out.push(`no accessible name: ${describe(el)}`);
      }
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      for (const [id, n] of seen) if (n > 1) out.push(`id "${id}" used ${n} times`);
      return out;
    },
    { scope, selector: CONTROLS },
  );
}

/** Resolves when the page has its h1 and nothing still says "Loading…". */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    if (!document.getElementById('page-title')) return false;
    return ![...document.querySelectorAll('[role="status"]')].some((s) => /^Loading\b/.test(s.textContent ?? ''));
  });
}

/** Where focus is: "body", "main", "dialog", "skip-link", or "elsewhere" (outside main, e.g. the sidebar). */
export function focusPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.classList.contains('skip-link')) return 'skip-link';
    if (el.id === 'main') return 'main';
    if (el.closest('dialog')) return 'dialog';
    if (el.closest('main')) return 'in-main';
    return 'elsewhere';
  });
}
