import { OWN_NODE_ATTRIBUTE } from './action-button';
import { watchDom, type DomWatcher } from './dom-watcher';

/** What every feature of the content script gets: the page, its one DOM watcher, and when to stop. */
export interface ContentContext {
  document: Document;
  watcher: DomWatcher;
  signal: AbortSignal;
}

/** A part of the content script: it registers what it needs on the context and stops with its signal. */
export interface Feature {
  init(context: ContentContext): void;
}

export function createContentContext(document: Document, signal: AbortSignal): ContentContext {
  const watcher = watchDom({
    root: document.body,
    // Our own nodes (actions, statuses) are never anything to inspect.
    ignore: (node) => node.hasAttribute(OWN_NODE_ATTRIBUTE),
    signal,
  });
  return { document, watcher, signal };
}
