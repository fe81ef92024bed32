import { installStyles } from './action-button';
import { startCommentActions } from './comment-actions';
import { startComposerDelivery } from './composer-delivery';

/** Tells an older copy of this script (left orphaned by an extension update or reload) to stop. */
const TAKEOVER_EVENT = 'page-outreach:takeover';

document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
const controller = new AbortController();
document.addEventListener(TAKEOVER_EVENT, () => controller.abort(), { once: true });
installStyles(document);
const watcher = startCommentActions(document, controller.signal);
startComposerDelivery(watcher, controller.signal);
