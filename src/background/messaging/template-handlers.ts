import type { PopupToBackground } from '../../shared/messages';
import { withDatabase } from '../storage/database';
import { deleteTemplate, listTemplates, reorderTemplates, saveTemplate } from '../compose/template-store';
import type { HandlerMap } from '../handler-map';

/** The options page's template editor. */
export const templateHandlers: HandlerMap<
  Extract<
    PopupToBackground,
    { type: 'templates/list' | 'templates/save' | 'templates/delete' | 'templates/reorder' }
  >
> = {
  async 'templates/list'() {
    return { templates: await withDatabase(listTemplates) };
  },

  async 'templates/save'({ template }) {
    return { template: await withDatabase((db) => saveTemplate(db, template)) };
  },

  async 'templates/delete'({ id }) {
    await withDatabase((db) => deleteTemplate(db, id));
    return {};
  },

  async 'templates/reorder'({ ids }) {
    return { templates: await withDatabase((db) => reorderTemplates(db, ids)) };
  },
};
