import type { Template } from '../../shared/templates';
import type { OutreachDatabase } from '../storage/schema';
import { RequestError } from '../request';

const byPosition = (a: Template, b: Template) => a.position - b.position || a.id.localeCompare(b.id);

/** Every template, in the admin's order. */
export async function listTemplates(db: OutreachDatabase): Promise<Template[]> {
  return (await db.getAll('templates')).sort(byPosition);
}

export async function getTemplate(db: OutreachDatabase, id: string): Promise<Template | undefined> {
  return db.get('templates', id);
}

/** Creates a template (placed last) or updates one in place, keeping its position. */
export async function saveTemplate(db: OutreachDatabase, template: Template): Promise<Template> {
  const tx = db.transaction('templates', 'readwrite');
  const [existing, all] = await Promise.all([tx.store.get(template.id), tx.store.getAll()]);
  const position = existing?.position ?? Math.max(-1, ...all.map((stored) => stored.position)) + 1;
  const saved = { ...template, position };
  await tx.store.put(saved);
  await tx.done;
  return saved;
}

export async function deleteTemplate(db: OutreachDatabase, id: string): Promise<void> {
  const tx = db.transaction('templates', 'readwrite');
  if (!(await tx.store.get(id))) throw new RequestError('not-found', 'errorTemplateGone');
  await tx.store.delete(id);
  await tx.done;
}

/** Puts the templates in the given order, which must name every stored template exactly once. */
export async function reorderTemplates(db: OutreachDatabase, ids: readonly string[]): Promise<Template[]> {
  const tx = db.transaction('templates', 'readwrite');
  const stored = await tx.store.getAll();
  const known = new Set(stored.map((template) => template.id));
  if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new RequestError('invalid-request', 'errorTemplateOrder');
  }
  const position = new Map(ids.map((id, index) => [id, index]));
  const reordered = stored.map((template) => ({ ...template, position: position.get(template.id)! }));
  await Promise.all(reordered.map((template) => tx.store.put(template)));
  await tx.done;
  return reordered.sort(byPosition);
}
