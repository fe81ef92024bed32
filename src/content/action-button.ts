import { t } from '../shared/i18n';
import { request } from '../shared/background-client';
import { actionLabelsFrom, NAME_SLOT, type ActionLabels } from '../shared/action-labels';

/** Marks every element we add to Facebook's page, so we can find, skip and replace our own nodes. */
export const OWN_NODE_ATTRIBUTE = 'data-page-outreach';
export const ACTION_SELECTOR = `button[${OWN_NODE_ATTRIBUTE}="send-message"]`;
const ACTION_CLASS = 'page-outreach-action';

const STYLES = `
.${ACTION_CLASS}-slot { display: inline-flex; align-items: center; margin-inline-start: 8px; list-style: none; }
.${ACTION_CLASS} {
  font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0 2px;
  cursor: pointer; border-radius: 4px;
}
.${ACTION_CLASS}:hover { text-decoration: underline; }
.${ACTION_CLASS}:focus-visible { outline: 2px solid #1b74e4; outline-offset: 2px; }
.${ACTION_CLASS}[aria-pressed="true"] { color: #1b74e4; }
.${ACTION_CLASS}[data-kind]::before { content: "●"; font-size: .7em; margin-inline-end: 3px; vertical-align: middle; }
.${ACTION_CLASS}[data-kind="question"]::before { color: #1b74e4; }
.${ACTION_CLASS}[data-kind="complaint"]::before { color: #e07b00; }
.${ACTION_CLASS}[data-kind="abusive"]::before { color: #e41e3f; }
.${ACTION_CLASS}[data-kind="praise"]::before { color: #31a24c; }
`;

/** One stylesheet for all actions: a prefixed class costs less than a shadow root per comment. */
export function installStyles(document: Document): void {
  if (document.querySelector(`style[${OWN_NODE_ATTRIBUTE}]`)) return;
  const style = document.createElement('style');
  style.setAttribute(OWN_NODE_ATTRIBUTE, 'styles');
  style.textContent = STYLES;
  document.head.append(style);
}

let labels: ActionLabels | null = null;

/**
 * The action's labels, asked of the background once as the script starts: in Chromium a content
 * script's first `i18n.getMessage` waits, on the page's main thread, for the browser to send the
 * extension's whole message bundle (5–21 ms measured on the React bed); the background has them at
 * hand. Read once, too, because an orphaned copy can no longer ask for "reload the page".
 */
export async function loadActionLabels(): Promise<void> {
  const reply = await request({ type: 'content/labels' });
  if (reply.ok) labels = reply.data;
}

/** The labels asked for, or read here where the background could not tell them. */
function actionLabels(): ActionLabels {
  labels ??= actionLabelsFrom(t);
  return labels;
}

/** An action of an orphaned copy: it can no longer reach the extension, and says what helps. */
export function showReloadNeeded(button: HTMLButtonElement): void {
  const { orphaned } = actionLabels();
  button.textContent = orphaned;
  button.removeAttribute('aria-label');
  button.removeAttribute('aria-pressed');
  button.disabled = true;
}

/** One ready-made action per slot element type, cloned for each comment: cheaper than building it. */
const templates = new Map<string, Element>();

function actionTemplate(document: Document, slotTag: 'li' | 'span'): Element {
  let template = templates.get(slotTag);
  if (template?.ownerDocument !== document) {
    template = document.createElement(slotTag);
    template.className = `${ACTION_CLASS}-slot`;
    template.setAttribute(OWN_NODE_ATTRIBUTE, 'slot');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = ACTION_CLASS;
    button.setAttribute(OWN_NODE_ATTRIBUTE, 'send-message');
    button.textContent = actionLabels().visible;
    template.append(button);
    templates.set(slotTag, template);
  }
  return template;
}

/** A "Send message" action for one comment, in the element type its row uses (`li` in lists). */
export function createAction(row: Element, commentId: string, authorName: string): Element {
  const slotTag = row.tagName === 'UL' || row.tagName === 'OL' ? 'li' : 'span';
  const slot = actionTemplate(row.ownerDocument, slotTag).cloneNode(true) as Element;
  const button = slot.firstElementChild as HTMLButtonElement;
  button.setAttribute('data-comment-id', commentId);
  button.setAttribute(
    'aria-label',
    actionLabels().accessible.replace(NAME_SLOT, () => authorName),
  );
  return slot;
}

/** Is this button one of our actions? */
export function isAction(button: Element): button is HTMLButtonElement {
  return button.getAttribute(OWN_NODE_ATTRIBUTE) === 'send-message';
}

/** Our actions that belong to this comment element itself, not to a reply nested inside it. */
export function ownActions(article: Element, articleSelector: string): HTMLButtonElement[] {
  // A tag lookup and an index loop: this runs for every comment React adds or changes.
  const buttons = article.getElementsByTagName('button');
  const actions: HTMLButtonElement[] = [];
  for (let index = 0; index < buttons.length; index += 1) {
    const button = buttons[index]!;
    if (isAction(button) && button.closest(articleSelector) === article) actions.push(button);
  }
  return actions;
}

export function actionFromEvent(event: Event): HTMLButtonElement | null {
  return event.target instanceof Element ? event.target.closest<HTMLButtonElement>(ACTION_SELECTOR) : null;
}

/** Removes an action together with the slot we wrapped it in. */
export function removeAction(button: HTMLButtonElement): void {
  (button.closest(`[${OWN_NODE_ATTRIBUTE}="slot"]`) ?? button).remove();
}
