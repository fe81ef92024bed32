import { useEffect, useState } from 'preact/hooks';
import { t, tCount } from '../shared/i18n';
import type { QueueEntry } from '../shared/messages';
import type { TriageKind } from '../shared/triage';
import { triageKindText, triageReasonText } from '../shared/triage-text';
import { loadQueue, pickFromQueue, queue, queueError, queueReading } from './queue-store';

/** The queue's groups, in the order a thread is worked through. */
const GROUPS: ReadonlyArray<{
  kinds: TriageKind[];
  label: 'queueAnswerFirst' | 'queueAbusive' | 'queuePraise';
}> = [
  { kinds: ['question', 'complaint'], label: 'queueAnswerFirst' },
  { kinds: ['abusive'], label: 'queueAbusive' },
  { kinds: ['praise'], label: 'queuePraise' },
];

function Entry({ entry }: { entry: QueueEntry }) {
  return (
    <li>
      <button
        type="button"
        class="queue-entry"
        data-kind={entry.kind}
        onClick={() => void pickFromQueue(entry.commentId)}
      >
        <span class="queue-name">{entry.authorName}</span>{' '}
        <span class="queue-kind">{triageKindText(entry.kind)}</span>
        <span class="queue-excerpt">“{entry.excerpt}”</span>
        <span class="queue-reason">{triageReasonText(entry.reason)}</span>
      </button>
    </li>
  );
}

/**
 * The comments in view that need an answer, grouped by what they need: questions and complaints
 * first, then abuse, then praise. Answered ones are left out; each entry picks its comment.
 */
export function QueueView() {
  // Busy from the first paint until this view has read the tab itself: the list kept may be older.
  const [read, setRead] = useState(false);
  useEffect(() => void loadQueue().finally(() => setRead(true)), []);
  const current = queue.value;
  if (queueError.value) return <p role="alert">{queueError.value}</p>;
  if (!current) return <p aria-busy="true">{t('loading')}</p>;
  return (
    <section
      class="queue"
      aria-labelledby="queue-title"
      aria-busy={!read || queueReading.value ? 'true' : 'false'}
    >
      <div class="queue-head">
        <h1 id="queue-title">{t('queueTitle')}</h1>
        <button type="button" class="link-button" onClick={() => void loadQueue()}>
          {t('queueRefresh')}
        </button>
      </div>
      {current.entries.length === 0 && <p class="empty">{t('queueEmpty')}</p>}
      {GROUPS.map(({ kinds, label }) => {
        const entries = current.entries.filter((entry) => kinds.includes(entry.kind));
        if (entries.length === 0) return null;
        return (
          <section key={label} aria-label={t(label)}>
            <h2>
              {t(label)} <span class="count">{tCount('queueComments', entries.length)}</span>
            </h2>
            <ul class="queue-list">
              {entries.map((entry) => (
                <Entry key={entry.commentId} entry={entry} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
