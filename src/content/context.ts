import { browser } from '../shared/extension-api';
import { OWN_NODE_ATTRIBUTE } from './action-button';
import { watchDom, type DomWatcher } from './dom-watcher';

/**
 * What every feature of the content script gets: the page, its one DOM watcher, and when to stop.
 * The context stops (its signal aborts) when this copy is orphaned: after the extension is updated or
 * reloaded, this script keeps running in open tabs but can no longer reach the extension.
 */
export interface ContentContext {
  document: Document;
  watcher: DomWatcher;
  signal: AbortSignal;
  /** Is this copy orphaned? Asked before anything that needs the extension; stops the context if so. */
  orphaned(): boolean;
  /** Runs once the context stops because this copy is orphaned. */
  onOrphaned(listener: () => void): void;
}

/** A part of the content script: it registers what it needs on the context and stops with its signal. */
export interface Feature {
  init(context: ContentContext): void;
}

/** The extension's id is gone from an orphaned copy's runtime (WXT and refined-github check the same). */
function connected(): boolean {
  try {
    return browser.runtime?.id !== undefined;
  } catch {
    return false;
  }
}

export function createContentContext(
  document: Document,
  isConnected: () => boolean = connected,
): ContentContext {
  const controller = new AbortController();
  const { signal } = controller;
  const orphanListeners: Array<() => void> = [];
  const watcher = watchDom({
    root: document.body,
    // Our own nodes (actions, statuses) are never anything to inspect.
    ignore: (node) => node.hasAttribute(OWN_NODE_ATTRIBUTE),
    signal,
  });
  const orphaned = (): boolean => {
    if (signal.aborted) return true;
    if (isConnected()) return false;
    controller.abort();
    for (const listener of orphanListeners) listener();
    return true;
  };
  // Facebook changes the page all the time, so an orphaned copy notices within moments.
  watcher.onAdded(() => void orphaned(), signal);
  return { document, watcher, signal, orphaned, onOrphaned: (listener) => orphanListeners.push(listener) };
}
