import { signal } from '@preact/signals';
import { request } from '../shared/background-client';
import type { Template } from '../shared/templates';

/** The options page's one view of the templates, fed only by the background's replies. */
export const templates = signal<Template[] | null>(null);
/** The last failure, in the UI language, or null. */
export const templatesError = signal<string | null>(null);

async function run<T>(work: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>) {
  const reply = await work;
  if (!reply.ok) {
    templatesError.value = reply.error.message;
    return null;
  }
  templatesError.value = null;
  return reply.data;
}

export async function loadTemplates(): Promise<void> {
  const data = await run(request({ type: 'templates/list' }));
  if (data) templates.value = data.templates;
}

export async function saveTemplate(template: Template): Promise<boolean> {
  const saved = await run(request({ type: 'templates/save', template }));
  if (saved) await loadTemplates();
  return saved !== null;
}

export async function deleteTemplate(id: string): Promise<void> {
  if (await run(request({ type: 'templates/delete', id }))) await loadTemplates();
}

/** Moves a template one place up (-1) or down (+1) in the list. */
export async function moveTemplate(id: string, delta: -1 | 1): Promise<void> {
  const order = (templates.value ?? []).map((template) => template.id);
  const from = order.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return;
  [order[from], order[to]] = [order[to]!, order[from]!];
  const data = await run(request({ type: 'templates/reorder', ids: order }));
  if (data) templates.value = data.templates;
}
