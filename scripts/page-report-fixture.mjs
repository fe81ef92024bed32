// @ts-check
/**
 * A page report (src/shared/page-report.ts) turned back into a page the recognition tests can load:
 * checked first, its tokens given stand-in values (the same token, the same value, so links that named
 * the same comment still do), its skeleton written out as HTML. Used by `npm run fixture`.
 */
import { z } from 'zod';

const FORMAT = 'page-outreach/page-report';
const VERSION = 1;
const VOID_ELEMENTS = new Set([
  'area',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'wbr',
]);
/** What recognition decides, of a report's census: the rest (our actions) needs the extension running. */
export const RECOGNITION_COUNTS = /** @type {const} */ ([
  'articles',
  'permalinks',
  'actionRows',
  'authors',
  'recognized',
  'messageControls',
  'messageBoxes',
]);

const count = z.number().int().nonnegative();
/** @type {z.ZodType<{ tag: string; attrs?: Record<string, string>; children?: unknown[] }>} */
const Element = z.lazy(() =>
  z.strictObject({
    tag: z.string().regex(/^[a-z][\w-]*$/, 'must be a tag name'),
    attrs: z.record(z.string(), z.string()).optional(),
    children: z.array(z.union([z.string(), Element])).optional(),
  }),
);
const Report = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  header: z.object({
    extensionVersion: z.string(),
    browser: z.string(),
    uiLanguage: z.string(),
    url: z.string(),
    takenAt: z.string(),
    census: z.object(Object.fromEntries(RECOGNITION_COUNTS.map((name) => [name, count]))).passthrough(),
  }),
  comments: Element.nullable(),
  chat: Element.nullable(),
});

/**
 * The report in `text`, or why it is not one, in words a maintainer can act on.
 * @param {string} text
 * @returns {{ ok: true, report: z.infer<typeof Report> } | { ok: false, error: string }}
 */
export function parseReport(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `The file is not a whole page report (not JSON: ${reason}). Was it cut short?`,
    };
  }
  const parsed = Report.safeParse(json);
  if (parsed.success) return { ok: true, report: parsed.data };
  const where = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(the file)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, error: `The file is not a page report of this version (${where}).` };
}

/**
 * A stand-in value for every token: digits of the same length, and names, vanities and ids by number.
 * @param {string} value
 */
function standIn(value) {
  const digits = (/** @type {string} */ token) =>
    token.replace(/<digits:(\d+)#(\d+)>/g, (_, length, n) =>
      `1${n.padStart(Number(length) - 1, '0')}`.slice(-length),
    );
  return digits(
    value.replace(/<b64:comment:(<digits:\d+#\d+>)_(<digits:\d+#\d+>)>/g, (_, post, comment) =>
      btoa(`comment:${digits(post)}_${digits(comment)}`),
    ),
  )
    .replace(/<pfbid#(\d+)>/g, 'pfbid0Report$1')
    .replace(/<host#(\d+)>/g, 'host$1')
    .replace(/<(vanity|name|value|id|address)#(\d+)>/g, '$1$2')
    .replace(/<tracking>/g, 'tracking');
}

const escapeText = (/** @type {string} */ text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (/** @type {string} */ value) => escapeText(value).replace(/"/g, '&quot;');

/** @param {unknown} node @returns {string} */
function html(node) {
  if (typeof node === 'string') return escapeText(node);
  const {
    tag,
    attrs = {},
    children = [],
  } = /** @type {{ tag: string; attrs?: Record<string, string>; children?: unknown[] }} */ (node);
  const attributes = Object.entries(attrs)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(standIn(value))}"`))
    .join('');
  if (VOID_ELEMENTS.has(tag)) return `<${tag}${attributes}>`;
  return `<${tag}${attributes}>${children.map(html).join('')}</${tag}>`;
}

/**
 * The fixture page of a report: its comment area, then its chat tab.
 * @param {{ header: { uiLanguage: string; takenAt: string; browser: string }; comments: unknown; chat: unknown }} report
 */
export function fixturePage(report) {
  const { header, comments, chat } = report;
  return [
    '<!doctype html>',
    `<html lang="${escapeAttribute(header.uiLanguage)}">`,
    `<head><meta charset="utf-8"><title>Page report ${escapeText(header.takenAt)} (${escapeText(header.browser)})</title></head>`,
    `<body>${comments ? html(comments) : ''}${chat ? html(chat) : ''}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/**
 * What recognition should find on the fixture: the report's own counts, for a maintainer to correct.
 * @param {z.infer<typeof Report>} report
 */
export function expectedOf(report) {
  const census = /** @type {Record<string, number>} */ (report.header.census);
  return {
    note: 'Filled from the report: what the extension saw on the page. Correct it to what it should see.',
    url: standIn(report.header.url),
    census: Object.fromEntries(RECOGNITION_COUNTS.map((name) => [name, census[name]])),
  };
}
