import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { download } from '../shared/download';
import { t, type MessageKey } from '../shared/i18n';
import type { FailedSignal } from '../shared/limits';
import type { ExtensionToContent } from '../shared/messages';
import { PageLookSchema, type PageCensus, type PageLook } from '../shared/page-census';
import { PageSnapshotSchema } from '../shared/page-report-schema';
import {
  browserName,
  PAGE_REPORT_FORMAT,
  PAGE_REPORT_VERSION,
  type PageReport,
  type PageSnapshot,
} from '../shared/page-report';

/** The report from what the page told, with what this page knows itself. */
function reportOf({ url, census, comments, chat }: PageSnapshot): PageReport {
  return {
    format: PAGE_REPORT_FORMAT,
    version: PAGE_REPORT_VERSION,
    header: {
      extensionVersion: browser.runtime.getManifest().version,
      browser: browserName(navigator.userAgent),
      uiLanguage: browser.i18n.getUILanguage(),
      url,
      takenAt: new Date().toISOString(),
      census,
    },
    comments,
    chat,
  };
}

const COUNTS: ReadonlyArray<[keyof Omit<PageCensus, 'failedSignal'>, MessageKey]> = [
  ['articles', 'lookArticles'],
  ['permalinks', 'lookPermalinks'],
  ['actionRows', 'lookActionRows'],
  ['authors', 'lookAuthors'],
  ['recognized', 'lookRecognized'],
  ['messageControls', 'lookMessageControls'],
  ['actions', 'lookActions'],
  ['messageBoxes', 'lookMessageBoxes'],
];

const SIGNALS: Record<FailedSignal, MessageKey> = {
  'comment-article': 'signalCommentArticle',
  permalink: 'signalPermalink',
  'action-row': 'signalActionRow',
  author: 'signalAuthor',
  placement: 'signalPlacement',
};

/** Asks the facebook.com tab in view; null where it is not one the content script runs on. */
async function askPage(message: ExtensionToContent): Promise<unknown> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return browser.tabs.sendMessage(tab.id, message).catch(() => null);
}

/** Where reports go: the tracker the build names (package.json `bugs`, as the manifest's homepage_url). */
function ReportDestination() {
  const tracker = browser.runtime.getManifest().homepage_url;
  if (tracker === undefined) return <p class="hint">{t('reportNowhere')}</p>;
  return (
    <p class="hint">
      {t('reportWhere')}{' '}
      <a href={tracker} target="_blank" rel="noreferrer">
        {tracker}
      </a>
    </p>
  );
}

/**
 * "What Page Outreach sees here": the counts of what is recognized on the page in view, the signal
 * that fails, outlines on the page, and a page report the admin reads in full before saving it.
 */
export function PageView() {
  const [census, setCensus] = useState<PageLook | null | 'none'>(null);
  const [outlined, setOutlined] = useState(false);
  const [report, setReport] = useState<string | null>(null);

  async function look(outline: boolean): Promise<void> {
    // The host is named on screen, so the admin knows which of Facebook's sites was read.
    const parsed = PageLookSchema.safeParse(await askPage({ type: 'page/census', outline }));
    setCensus(parsed.success ? parsed.data : 'none');
  }

  async function buildReport(): Promise<void> {
    const parsed = PageSnapshotSchema.safeParse(await askPage({ type: 'page/report' }));
    setReport(parsed.success ? JSON.stringify(reportOf(parsed.data), null, 1) : null);
    if (!parsed.success) setCensus('none');
  }

  useEffect(() => void look(false), []);
  if (census === null) return <p aria-busy="true">{t('loading')}</p>;
  return (
    <section class="look" aria-labelledby="look-heading">
      <h1 id="look-heading">{t('lookTitle')}</h1>
      {census === 'none' ? (
        <p role="status">{t('lookNoPage')}</p>
      ) : (
        <>
          <p class="hint">{t('lookIntro', census.host)}</p>
          <dl class="census">
            {COUNTS.map(([key, label]) => (
              <div key={key}>
                <dt>{t(label)}</dt>
                <dd>{census[key]}</dd>
              </div>
            ))}
          </dl>
          <p role="status" class={census.failedSignal ? 'verdict refused' : 'verdict allowed'}>
            {census.failedSignal ? t('lookFailed', t(SIGNALS[census.failedSignal])) : t('lookAllWell')}
          </p>
          <label class="check">
            <input
              type="checkbox"
              checked={outlined}
              onChange={(event) => {
                setOutlined(event.currentTarget.checked);
                void look(event.currentTarget.checked);
              }}
            />
            {t('lookOutlines')}
          </label>
        </>
      )}
      <div class="look-actions">
        <button type="button" onClick={() => void look(outlined)}>
          {t('lookAgain')}
        </button>
        {census !== 'none' && (
          <button type="button" onClick={() => void buildReport()}>
            {t('reportBuild')}
          </button>
        )}
      </div>
      {report !== null && (
        <div class="report">
          <p class="hint">{t('reportIntro')}</p>
          <ReportDestination />
          <label for="page-report">{t('reportLabel')}</label>
          <textarea id="page-report" readOnly rows={10} value={report} />
          <button
            type="button"
            class="send"
            onClick={() => download(`page-outreach-report-${Date.now()}.json`, 'application/json', report)}
          >
            {t('reportSave')}
          </button>
        </div>
      )}
    </section>
  );
}
