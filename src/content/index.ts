import { installStyles } from './action-button';
import { commentActions } from './comment-actions';
import { composerDelivery } from './composer-delivery';
import { createContentContext, type Feature } from './context';
import { pageHealth } from './page-health';

/** Everything the content script does, each on the one context. */
const FEATURES: Feature[] = [commentActions, pageHealth, composerDelivery];

installStyles(document);
const context = createContentContext(document);
for (const feature of FEATURES) feature.init(context);
