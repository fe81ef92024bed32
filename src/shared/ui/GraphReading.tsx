import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../background-client';
import { GRAPH_MAX_POSTS_READ, type DiscretionReport, type GraphReadingView } from '../discretion';
import { formatDay } from '../format';
import { t } from '../i18n';
import { GRAPH_ERROR_LABELS } from '../labels';
import type { ReplyOf } from '../messages';

type Stopped = ReplyOf<'discretion/read-graph'>['stopped'];

/** Why a reading stopped, completing "Reading stopped: …". */
function stoppedReason(stopped: NonNullable<Stopped>): string {
  if (stopped === 'unreachable') return t('discretionGraphUnreachable');
  // Reading needs other permissions than sending: say which.
  if (stopped === 'permission-missing') return t('discretionGraphNoPermission');
  return t(GRAPH_ERROR_LABELS[stopped]);
}

function readingLine(reading: GraphReadingView): string {
  const counts = [String(reading.posts), String(reading.comments), String(reading.added)];
  if (reading.finishedAt === null) return t('discretionGraphReading', counts);
  const line = t('discretionGraphRead', [formatDay(reading.finishedAt), ...counts]);
  if (reading.stoppedBy === 'full') return `${line} ${t('discretionGraphFull')}`;
  return reading.stoppedBy === 'posts'
    ? `${line} ${t('discretionGraphMostPosts', String(GRAPH_MAX_POSTS_READ))}`
    : line;
}

/**
 * Reading every post's comments through the Graph API, where the connected Page is this one: a step at
 * a time (each one message), the progress said as it goes, until it is done or Facebook stops it.
 */
export function GraphReading({
  pageId,
  graph,
  onRead,
}: {
  pageId: string;
  graph: DiscretionReport['graph'];
  onRead: () => void;
}) {
  const [reading, setReading] = useState<GraphReadingView | null>(graph.last);
  const [busy, setBusy] = useState(false);
  const [stopped, setStopped] = useState<Stopped>(null);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  if (!graph.canRead) return <p class="hint">{t('discretionGraphConnect')}</p>;

  const read = async () => {
    setBusy(true);
    setStopped(null);
    setError(null);
    for (;;) {
      const reply = await request({ type: 'discretion/read-graph', pageId });
      if (!mounted.current) return;
      if (!reply.ok) {
        setError(reply.error.message);
        break;
      }
      setReading(reply.data.reading);
      setStopped(reply.data.stopped);
      if (reply.data.stopped !== null || reply.data.reading.finishedAt !== null) break;
    }
    setBusy(false);
    onRead();
  };

  return (
    <div class="graph-reading">
      <p aria-live="polite">
        {reading ? readingLine(reading) : t('discretionGraphNever')}
        {stopped && ` ${t('discretionGraphStopped', stoppedReason(stopped))}`}
      </p>
      {error && <p role="alert">{error}</p>}
      <button type="button" onClick={() => void read()} disabled={busy} aria-busy={busy}>
        {busy ? t('discretionGraphReadingButton') : t('discretionGraphReadButton')}
      </button>
    </div>
  );
}
