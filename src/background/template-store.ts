import type { Template } from '../shared/templates';
import type { OutreachDatabase } from './database';

/** Every template, in a stable order (the defaults are seeded by the v5 migration). */
export async function listTemplates(db: OutreachDatabase): Promise<Template[]> {
  return db.getAll('templates');
}

export async function getTemplate(db: OutreachDatabase, id: string): Promise<Template | undefined> {
  return db.get('templates', id);
}
