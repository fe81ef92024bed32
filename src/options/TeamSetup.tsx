import { useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { t } from '../shared/i18n';
import { teamServerUrl } from '../shared/team-invite';
import { StatusLine, type Status } from '../shared/ui/StatusLine';
import { RememberCheckbox } from './RememberCheckbox';
import { grantTeamHost } from './team-permission';

interface Props {
  /** The Pages this browser has messaged from, to pick the team's Page from. */
  pages: Array<{ pageId: string; pageName: string }>;
  onCreated: () => Promise<void>;
}

const OTHER_PAGE = '';

/** Other admins as typed: one per line or separated by commas. */
const namesOf = (text: string) =>
  text
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');

/**
 * For a Page's owner: sets up the Page's team on a CouchDB server with one of its server admins (whose
 * password serves this once and is not kept), then shows one invite per other admin to send privately.
 */
export function TeamSetup({ pages, onCreated }: Props) {
  const [pageId, setPageId] = useState(pages[0]?.pageId ?? OTHER_PAGE);
  const [otherPage, setOtherPage] = useState({ pageId: '', pageName: '' });
  const [server, setServer] = useState('');
  const [adminName, setAdminName] = useState('');
  const [adminPassword, setAdminPassword] = useState('');
  const [owner, setOwner] = useState('');
  const [members, setMembers] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [invites, setInvites] = useState<Array<{ user: string; invite: string }>>([]);

  const known = pages.find((page) => page.pageId === pageId);
  const page = known ?? otherPage;

  async function create(event: Event): Promise<void> {
    event.preventDefault();
    const url = teamServerUrl(server);
    if (!url.ok) return setStatus({ ok: false, text: t(url.error) });
    if (!(await grantTeamHost(url.url))) return setStatus({ ok: false, text: t('teamPermissionDenied') });
    setBusy(true);
    setStatus({ ok: true, text: t('teamCreating') });
    const reply = await request({
      type: 'team/create',
      server: url.url,
      adminName,
      adminPassword,
      pageId: page.pageId,
      pageName: page.pageName,
      owner,
      members: namesOf(members),
      remember,
    });
    setBusy(false);
    setAdminPassword('');
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    setInvites(reply.data.invites);
    setStatus({ ok: true, text: t('teamCreated', reply.data.team.pageName) });
    await onCreated();
  }

  return (
    <details class="team-setup">
      <summary>{t('teamSetupTitle')}</summary>
      <p>{t('teamSetupIntro')}</p>
      <form onSubmit={(event) => void create(event)}>
        <label for="team-page">{t('teamPageLabel')}</label>
        <select id="team-page" value={pageId} onChange={(event) => setPageId(event.currentTarget.value)}>
          {pages.map((choice) => (
            <option key={choice.pageId} value={choice.pageId}>
              {choice.pageName || choice.pageId}
            </option>
          ))}
          <option value={OTHER_PAGE}>{t('teamOtherPage')}</option>
        </select>
        {!known && (
          <>
            <label for="team-page-id">{t('teamPageIdLabel')}</label>
            <input
              id="team-page-id"
              value={otherPage.pageId}
              onInput={(event) => setOtherPage({ ...otherPage, pageId: event.currentTarget.value })}
            />
            <label for="team-page-name">{t('teamPageNameLabel')}</label>
            <input
              id="team-page-name"
              value={otherPage.pageName}
              onInput={(event) => setOtherPage({ ...otherPage, pageName: event.currentTarget.value })}
            />
          </>
        )}
        <label for="team-server">{t('teamServerLabel')}</label>
        <input
          id="team-server"
          type="url"
          placeholder="https://couch.example.com"
          value={server}
          onInput={(event) => setServer(event.currentTarget.value)}
        />
        <label for="team-admin-name">{t('teamAdminNameLabel')}</label>
        <input
          id="team-admin-name"
          autocomplete="username"
          value={adminName}
          onInput={(event) => setAdminName(event.currentTarget.value)}
        />
        <label for="team-admin-password">{t('teamAdminPasswordLabel')}</label>
        <input
          id="team-admin-password"
          type="password"
          autocomplete="current-password"
          value={adminPassword}
          onInput={(event) => setAdminPassword(event.currentTarget.value)}
        />
        <label for="team-owner">{t('teamOwnerLabel')}</label>
        <input id="team-owner" value={owner} onInput={(event) => setOwner(event.currentTarget.value)} />
        <label for="team-members">{t('teamMembersLabel')}</label>
        <textarea
          id="team-members"
          rows={3}
          value={members}
          onInput={(event) => setMembers(event.currentTarget.value)}
        />
        <RememberCheckbox checked={remember} onChange={setRemember} label="teamRemember" />
        <div class="actions">
          <button type="submit" disabled={busy || page.pageId.trim() === '' || owner.trim() === ''}>
            {t('teamCreate')}
          </button>
        </div>
      </form>
      <StatusLine status={status} />
      {invites.length > 0 && (
        <div class="team-invites">
          <p>{t('teamInvitesIntro')}</p>
          {invites.map(({ user, invite }, index) => (
            <div key={user}>
              <label for={`team-invite-${index}`}>{t('teamInviteFor', user)}</label>
              <textarea id={`team-invite-${index}`} readOnly rows={3} value={invite} />
            </div>
          ))}
        </div>
      )}
    </details>
  );
}
