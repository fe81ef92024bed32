import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '../shared/i18n';
import { CATEGORY_LABELS, LANGUAGE_LABELS } from '../shared/labels';
import { templateLanguageFor, type Template } from '../shared/templates';
import { draftOf, TemplateForm } from './TemplateForm';
import { templateOf, type TemplateDraft } from './template-fields';
import { request } from '../shared/background-client';
import {
  deleteTemplate,
  loadTemplates,
  moveTemplate,
  saveTemplate,
  templates,
  templatesError,
} from './templates-store';

/** A new template starts in the admin's own language, so the popup offers it at once. */
const newTemplate = (): TemplateDraft => ({
  category: 'thanks',
  language: templateLanguageFor(uiLanguage()),
  title: '',
  body: '',
  team: '',
});

type Teams = ReadonlyArray<{ pageId: string; pageName: string }>;

/** What the form is doing: nothing, creating (from scratch or a copy) or editing a template. */
type Editing =
  { kind: 'none' } | { kind: 'create'; from: TemplateDraft } | { kind: 'edit'; template: Template };

function TemplateRow({
  template,
  teamName,
  first,
  last,
  onEdit,
  onDuplicate,
}: {
  template: Template;
  /** The Page whose team shares it, if one does. */
  teamName: string | null;
  first: boolean;
  last: boolean;
  onEdit: () => void;
  onDuplicate: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <li class="template-row">
      <span class="template-title">{template.title}</span>
      <span class="template-meta">
        {t(CATEGORY_LABELS[template.category])} · {t(LANGUAGE_LABELS[template.language])}
        {teamName !== null && ` · ${t('templateTeamOf', teamName)}`}
      </span>
      <span class="template-buttons">
        <button type="button" onClick={onEdit} aria-label={`${t('templateEdit')}: ${template.title}`}>
          {t('templateEdit')}
        </button>
        <button
          type="button"
          onClick={onDuplicate}
          aria-label={`${t('templateDuplicate')}: ${template.title}`}
        >
          {t('templateDuplicate')}
        </button>
        <button
          type="button"
          disabled={first}
          aria-label={t('templateMoveUp', template.title)}
          onClick={() => void moveTemplate(template.id, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          disabled={last}
          aria-label={t('templateMoveDown', template.title)}
          onClick={() => void moveTemplate(template.id, 1)}
        >
          ↓
        </button>
        {confirming ? (
          <>
            <button type="button" class="danger" onClick={() => void deleteTemplate(template.id)}>
              {t('templateDeleteConfirm', template.title)}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            aria-label={`${t('templateDelete')}: ${template.title}`}
            onClick={() => setConfirming(true)}
          >
            {t('templateDelete')}
          </button>
        )}
      </span>
    </li>
  );
}

/** The template list: create, edit, duplicate, delete and reorder, all through the background. */
export function TemplatesEditor() {
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [teams, setTeams] = useState<Teams>([]);
  useEffect(() => {
    void loadTemplates();
    void request({ type: 'team/status' }).then((reply) => {
      if (reply.ok) setTeams(reply.data.teams.map(({ pageId, pageName }) => ({ pageId, pageName })));
    });
  }, []);
  const list = templates.value;
  const teamName = (template: Template) =>
    template.team
      ? (teams.find((team) => team.pageId === template.team!.pageId)?.pageName ?? template.team.pageId)
      : null;

  async function save(draft: TemplateDraft): Promise<boolean> {
    const template =
      editing.kind === 'edit'
        ? templateOf(draft, editing.template)
        : templateOf(draft, { id: crypto.randomUUID(), position: 0 });
    const saved = await saveTemplate(template);
    if (saved) setEditing({ kind: 'none' });
    return saved;
  }

  return (
    <section aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t('templatesTitle')}</h2>
      <p>{t('templatesIntro')}</p>
      {templatesError.value && (
        <p class="error" role="alert">
          {templatesError.value}
        </p>
      )}
      {editing.kind === 'none' ? (
        <button
          type="button"
          class="primary"
          onClick={() => setEditing({ kind: 'create', from: newTemplate() })}
        >
          {t('templateNew')}
        </button>
      ) : (
        <TemplateForm
          key={editing.kind === 'edit' ? editing.template.id : 'new'}
          initial={editing.kind === 'edit' ? draftOf(editing.template) : editing.from}
          teams={teams}
          onSave={save}
          onCancel={() => setEditing({ kind: 'none' })}
        />
      )}
      {list && (
        <ol class="template-list" aria-label={t('templatesListLabel')}>
          {list.map((template, index) => (
            <TemplateRow
              key={template.id}
              template={template}
              teamName={teamName(template)}
              first={index === 0}
              last={index === list.length - 1}
              onEdit={() => setEditing({ kind: 'edit', template })}
              onDuplicate={() =>
                setEditing({
                  kind: 'create',
                  // A copy is the admin's own until they share it.
                  from: { ...draftOf(template), team: '', title: t('templateCopyTitle', template.title) },
                })
              }
            />
          ))}
        </ol>
      )}
    </section>
  );
}
