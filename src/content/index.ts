import { installStyles } from './action-button';
import { commentActions } from './comment-actions';
import { composerDelivery } from './composer-delivery';
import { createContentContext, type Feature } from './context';
import { pageHealth } from './page-health';
import { pageLook } from './page-look';

/** Everything the content script does, each on the one context. */
const FEATURES: Feature[] = [commentActions, pageHealth, composerDelivery, pageLook];

installStyles(document);
const context = createContentContext(document);
for (const feature of FEATURES) feature.init(context);
