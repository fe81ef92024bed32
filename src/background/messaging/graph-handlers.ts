import type { PopupToBackground } from '../../shared/messages';
import { connectPage, disconnectPage, loadConnection, publicView } from '../graph/graph-connection';
import type { HandlerMap } from '../handler-map';

/** The Graph API connection on the options page. */
export const graphHandlers: HandlerMap<
  Extract<PopupToBackground, { type: 'graph/status' | 'graph/connect' | 'graph/disconnect' }>
> = {
  async 'graph/status'() {
    return { page: publicView(await loadConnection()) };
  },

  async 'graph/connect'({ token, remember }) {
    return { page: await connectPage(token, remember) };
  },

  async 'graph/disconnect'() {
    await disconnectPage();
    return {};
  },
};
