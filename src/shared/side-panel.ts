import browser from 'webextension-polyfill';

/** Chrome's side panel API, which the polyfill does not wrap (Firefox has `sidebarAction` instead). */
interface ChromeSidePanel {
  open(where: { tabId: number } | { windowId: number }): Promise<void>;
}

const chromeSidePanel = (): ChromeSidePanel | undefined =>
  (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;

/** Does this browser give the extension a side panel (Chrome) or a sidebar (Firefox)? */
export function hasSidePanel(): boolean {
  return chromeSidePanel() !== undefined || browser.sidebarAction !== undefined;
}

/** Is the extension's side panel showing: it then follows the picked comment by itself. */
export async function sidePanelShowing(): Promise<boolean> {
  try {
    return (await browser.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length > 0;
  } catch {
    return false;
  }
}

/**
 * Opens the side panel beside a tab, or in the window of the page that asks; false where the browser
 * does not let the extension now (Firefox opens its sidebar only on a click in the extension's own
 * pages, and before anything else is awaited).
 */
export async function openSidePanel(where: { tabId: number } | 'this-window'): Promise<boolean> {
  try {
    const chromePanel = chromeSidePanel();
    if (chromePanel) {
      await chromePanel.open(
        where === 'this-window' ? { windowId: (await browser.windows.getCurrent()).id! } : where,
      );
    } else if (browser.sidebarAction) await browser.sidebarAction.open();
    else return false;
    return true;
  } catch {
    return false;
  }
}
