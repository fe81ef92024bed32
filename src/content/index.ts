import { installStyles } from './action-button';
import { commentActions } from './comment-actions';
import { composerDelivery } from './composer-delivery';
import { createContentContext, type Feature } from './context';
import { pageHealth } from './page-health';

/** Tells an older copy of this script (left orphaned by an extension update or reload) to stop. */
const TAKEOVER_EVENT = 'page-outreach:takeover';

/** Everything the content script does, each on the one context. */
const FEATURES: Feature[] = [commentActions, pageHealth, composerDelivery];

document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
const controller = new AbortController();
document.addEventListener(TAKEOVER_EVENT, () => controller.abort(), { once: true });
installStyles(document);
const context = createContentContext(document, controller.signal);
for (const feature of FEATURES) feature.init(context);
