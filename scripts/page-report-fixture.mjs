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

/**
 * Elements a fixture may hold: what Facebook's comment areas and chat tabs are made of. A report is a
 * file from outside: none that runs or loads anything (script, iframe, object, embed, base, meta, link,
 * style, form) is ever written, whatever a crafted report holds.
 */
export const FIXTURE_TAGS = new Set([
  'a',
  'abbr',
  'article',
  'b',
  'blockquote',
  'br',
  'button',
  'code',
  'div',
  'em',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'input',
  'label',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'picture',
  'pre',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'svg',
  'textarea',
  'time',
  'u',
  'ul',
  'video',
]);
/**
 * Attributes a fixture may hold: exactly those the report's sanitizer can produce (a test holds these
 * to src/shared/page-report.ts), data attributes only empty, links only to https addresses.
 */
export const FIXTURE_ATTRIBUTES = new Set([
  // Words a person may read, shaped (TEXT_ATTRIBUTES).
  'aria-label',
  'aria-placeholder',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'alt',
  'title',
  // References to other elements, as tokens (ID_REFERENCES).
  'id',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-activedescendant',
  // Kept as they are (KEPT_ATTRIBUTES).
  'role',
  'dir',
  'contenteditable',
  'hidden',
  'href',
  'tabindex',
  'type',
]);
const ARIA_ATTRIBUTE = /^aria-[a-z]+$/;
const DATA_ATTRIBUTE = /^data-[a-z0-9-]+$/;

/** @param {Record<string, string>} attrs */
function attributesAllowed(attrs) {
  return Object.entries(attrs).every(([name, value]) => {
    if (name === 'href') return value.startsWith('https://');
    if (DATA_ATTRIBUTE.test(name)) return value === '';
    return FIXTURE_ATTRIBUTES.has(name) || ARIA_ATTRIBUTE.test(name);
  });
}

const count = z.number().int().nonnegative();
/** @type {z.ZodType<{ tag: string; attrs?: Record<string, string>; children?: unknown[] }>} */
const Element = z.lazy(() =>
  z.strictObject({
    tag: z.string().refine((tag) => FIXTURE_TAGS.has(tag), 'is not an element a page report keeps'),
    attrs: z
      .record(z.string(), z.string())
      .refine(attributesAllowed, 'holds an attribute a page report never keeps')
      .optional(),
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
