import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { t, tCount } from '../shared/i18n';
import type { TeamView } from '../shared/team';
import { syncStalled, teamSyncText } from '../shared/team-sync-text';
import { parseInvite } from '../shared/team-invite';
import { StatusLine, type Status } from '../shared/ui/StatusLine';
import { RememberCheckbox } from './RememberCheckbox';
import { grantTeamHost } from './team-permission';
import { loadTemplates } from './templates-store';
import { TeamSetup } from './TeamSetup';
import { TeamOwnerTools } from './TeamOwnerTools';

type Pages = Array<{ pageId: string; pageName: string }>;

/**
 * Team mode: the Pages whose team this browser has joined, joining one with an invite, leaving one,
 * and (for a Page's owner) setting one up. Credentials go to the background and are never read back.
 */
export function TeamSection() {
  const [teams, setTeams] = useState<TeamView[] | null>(null);
  const [pages, setPages] = useState<Pages>([]);
  const [invite, setInvite] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  async function load(): Promise<void> {
    const reply = await request({ type: 'team/status' });
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    setTeams(reply.data.teams);
    setPages(reply.data.pages);
  }
  useEffect(() => void load(), []);

  async function join(event: Event): Promise<void> {
    event.preventDefault();
    const parsed = parseInvite(invite);
    if (!parsed.ok) return setStatus({ ok: false, text: t(parsed.error) });
    if (!(await grantTeamHost(parsed.invite.server)))
      return setStatus({ ok: false, text: t('teamPermissionDenied') });
    setBusy(true);
    const reply = await request({ type: 'team/join', invite, remember });
    setBusy(false);
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    setInvite('');
    setStatus({ ok: true, text: t('teamJoined', [reply.data.team.pageName, reply.data.team.user]) });
    // Joining synced: the team's templates are in the list now.
    await Promise.all([load(), loadTemplates()]);
  }

  async function syncNow(): Promise<void> {
    setBusy(true);
    const reply = await request({ type: 'team/sync' });
    setBusy(false);
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    setTeams(reply.data.teams);
    await loadTemplates();
  }

  async function checkAgain(team: TeamView): Promise<void> {
    setBusy(true);
    const reply = await request({ type: 'team/check', pageId: team.pageId });
    setBusy(false);
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    setTeams(reply.data.teams);
  }

  async function leave(team: TeamView): Promise<void> {
    const reply = await request({ type: 'team/leave', pageId: team.pageId });
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    setStatus({ ok: true, text: t('teamLeft', team.pageName) });
    await load();
  }

  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">{t('teamTitle')}</h2>
      <p>{t('teamIntro')}</p>
      <p>{t('teamPrivacy')}</p>
      {teams && teams.length > 0 && (
        <ul class="teams">
          {teams.map((team) => (
            <li key={team.pageId}>
              <span>{t('teamMember', [team.pageName, team.user, team.server])}</span>{' '}
              {team.removed || team.refused ? (
                <>
                  <span role="alert">{t(team.removed ? 'teamRemoved' : 'teamRefused')}</span>{' '}
                  <button type="button" disabled={busy} onClick={() => void checkAgain(team)}>
                    {t('teamCheckAgain')}
                  </button>
                </>
              ) : syncStalled(team, Date.now()) ? (
                <span role="alert">{teamSyncText(team, Date.now())}</span>
              ) : (
                <span>{teamSyncText(team, Date.now())}</span>
              )}{' '}
              {team.refusedDocuments && (
                <span role="alert">
                  {tCount('teamRefusedDocuments', team.refusedDocuments.count, [
                    String(team.refusedDocuments.count),
                    team.refusedDocuments.lastId,
                  ])}{' '}
                </span>
              )}
              <button type="button" disabled={busy} onClick={() => void syncNow()}>
                {t('teamSyncNow')}
              </button>{' '}
              <button type="button" onClick={() => void leave(team)}>
                {t('teamLeave', team.pageName)}
              </button>
              <TeamOwnerTools team={team} onChanged={setTeams} />
            </li>
          ))}
        </ul>
      )}
      <form class="team-join" onSubmit={(event) => void join(event)}>
        <label for="team-invite">{t('teamInviteLabel')}</label>
        <textarea
          id="team-invite"
          rows={3}
          spellcheck={false}
          autocomplete="off"
          value={invite}
          onInput={(event) => setInvite(event.currentTarget.value)}
        />
        <RememberCheckbox checked={remember} onChange={setRemember} label="teamRemember" />
        <div class="actions">
          <button type="submit" disabled={busy || invite.trim() === ''}>
            {t('teamJoin')}
          </button>
        </div>
      </form>
      <StatusLine status={status} />
      <TeamSetup pages={pages} onCreated={load} />
    </section>
  );
}
