import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { formatDateTime } from '../shared/format';
import { t } from '../shared/i18n';
import { StatusLine, type Status } from '../shared/ui/StatusLine';

interface Learning {
  resetAt: number;
  learnFromTeam: boolean;
}

/**
 * What the comment triage learns from: the admin's own sends and corrections, on this computer only;
 * teammates' sends (already in the log) only on opt-in; and the reset that forgets what it learned.
 */
export function TriageLearning() {
  const [learning, setLearning] = useState<Learning | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    void request({ type: 'triage/learning' }).then((reply) => {
      if (reply.ok) setLearning(reply.data);
      else setStatus({ ok: false, text: reply.error.message });
    });
  }, []);

  async function learnFromTeam(on: boolean): Promise<void> {
    const reply = await request({ type: 'triage/learn-from-team', learnFromTeam: on });
    if (reply.ok) setLearning(reply.data);
    setStatus(
      reply.ok ? { ok: true, text: t('triageLearningSaved') } : { ok: false, text: reply.error.message },
    );
  }

  async function reset(): Promise<void> {
    const reply = await request({ type: 'triage/reset' });
    if (reply.ok) setLearning(reply.data);
    setStatus(reply.ok ? { ok: true, text: t('triageResetDone') } : { ok: false, text: reply.error.message });
  }

  if (!learning) return <StatusLine status={status} />;
  return (
    <section aria-labelledby="triage-heading">
      <h2 id="triage-heading">{t('triageLearningTitle')}</h2>
      <p class="hint">{t('triageLearningHint')}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={learning.learnFromTeam}
          onChange={(event) => void learnFromTeam(event.currentTarget.checked)}
        />
        {t('triageLearnFromTeam')}
      </label>
      <div class="actions">
        <button type="button" onClick={() => void reset()}>
          {t('triageReset')}
        </button>
      </div>
      {learning.resetAt > 0 && <p class="hint">{t('triageResetAt', formatDateTime(learning.resetAt))}</p>}
      <StatusLine status={status} />
    </section>
  );
}
