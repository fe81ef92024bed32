// No zod and no browser API here: the content script and the background share these.
import type { MessageKey } from './i18n';

/** Stands in for the author in the accessible-name message, filled in per comment. */
export const NAME_SLOT = '\u0000';

/** What the content script's actions say, in the UI language. */
export interface ActionLabels {
  visible: string;
  /** "Send message to <NAME_SLOT>". */
  accessible: string;
  /** What an orphaned copy's actions say: it can no longer reach the extension to ask. */
  orphaned: string;
}

/** The labels, from whatever reads the extension's messages. */
export function actionLabelsFrom(message: (key: MessageKey, substitution?: string) => string): ActionLabels {
  return {
    visible: message('sendMessage'),
    accessible: message('sendMessageTo', NAME_SLOT),
    orphaned: message('actionReloadPage'),
  };
}
