import { useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { t } from '../shared/i18n';
import type { TeamView } from '../shared/team';
import { StatusLine, type Status } from '../shared/ui/StatusLine';

interface Props {
  team: TeamView;
  onChanged: (teams: TeamView[]) => void;
}

/**
 * For a Page's owner: the team's settings, and taking an admin off the team. No member's account may
 * change them (not even the owner's everyday one, which a browser keeps), so each asks one of the
 * server's admins, whose password serves that request only and is not kept.
 */
export function TeamOwnerTools({ team, onChanged }: Props) {
  const [adminName, setAdminName] = useState('');
  const [adminPassword, setAdminPassword] = useState('');
  const [member, setMember] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const id = (name: string) => `team-${name}-${team.pageId}`;

  async function ask(message: Parameters<typeof request>[0], done: string): Promise<void> {
    setBusy(true);
    const reply = await request(message);
    setBusy(false);
    setAdminPassword('');
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    onChanged((reply.data as { teams: TeamView[] }).teams);
    setStatus({ ok: true, text: done });
  }

  const settings = (strict: boolean, useTheseLimits: boolean) =>
    ask(
      { type: 'team/settings', pageId: team.pageId, strict, useTheseLimits, adminName, adminPassword },
      t('teamSettingsSaved'),
    );
  const remove = () =>
    ask(
      { type: 'team/remove-member', pageId: team.pageId, member: member.trim(), adminName, adminPassword },
      t('teamMemberRemoved', [member.trim(), team.pageName]),
    );
  const ready = !busy && !team.removed && adminName.trim() !== '' && adminPassword !== '';

  return (
    <details class="team-owner">
      <summary>{t('teamOwnerTools')}</summary>
      <p>{t('teamOwnerToolsIntro')}</p>
      <div class="team-owner-fields">
        <label for={id('admin-name')}>{t('teamAdminNameLabel')}</label>
        <input
          id={id('admin-name')}
          autocomplete="off"
          value={adminName}
          onInput={(event) => setAdminName(event.currentTarget.value)}
        />
        <label for={id('admin-password')}>{t('teamAdminPasswordLabel')}</label>
        <input
          id={id('admin-password')}
          type="password"
          autocomplete="off"
          value={adminPassword}
          onInput={(event) => setAdminPassword(event.currentTarget.value)}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={team.strict}
            disabled={!ready}
            onChange={(event) => void settings(event.currentTarget.checked, false)}
          />
          {t('teamStrict')}
        </label>
        <button type="button" disabled={!ready} onClick={() => void settings(team.strict, true)}>
          {t('teamUseTheseLimits')}
        </button>
        <label for={id('member')}>{t('teamRemoveMemberLabel')}</label>
        <input
          id={id('member')}
          autocomplete="off"
          value={member}
          onInput={(event) => setMember(event.currentTarget.value)}
        />
        <button type="button" disabled={!ready || member.trim() === ''} onClick={() => void remove()}>
          {t('teamRemoveMember')}
        </button>
      </div>
      <StatusLine status={status} />
    </details>
  );
}
