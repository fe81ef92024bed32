import { FACEBOOK_TIME_UNITS, FACEBOOK_UI_WORDS } from './facebook-ui-words';
import type { PageCensus } from './page-census';

export const PAGE_REPORT_FORMAT = 'page-outreach/page-report';
export const PAGE_REPORT_VERSION = 1;

/** One element of the page as a report keeps it: its tag, the attributes kept, and its children. */
export interface SkeletonElement {
  tag: string;
  attrs?: Record<string, string>;
  children?: SkeletonNode[];
}
/** An element, or a text with every letter and digit replaced by its kind. */
export type SkeletonNode = SkeletonElement | string;

/**
 * What only the page can tell of a report, as the content script hands it over: the address, the
 * census and the sanitized comment area and chat. The extension page that asked adds the rest.
 */
export interface PageSnapshot {
  /** The page's address, its parts replaced by tokens as links are. */
  url: string;
  census: PageCensus;
  comments: SkeletonElement | null;
  chat: SkeletonElement | null;
}

/** The browser and its version, as its user agent names it ("Firefox 153", "Chrome 156"). */
export function browserName(userAgent: string): string {
  const found = /(Firefox|Edg|OPR|Chrome)\/(\d+)/.exec(userAgent);
  return found ? `${found[1]} ${found[2]}` : 'unknown';
}

/** A page report: what an admin hands back the day Facebook changes its markup (README). */
export interface PageReport {
  format: typeof PAGE_REPORT_FORMAT;
  version: typeof PAGE_REPORT_VERSION;
  header: {
    extensionVersion: string;
    browser: string;
    uiLanguage: string;
    /** The page's address, its parts replaced by tokens as links are. */
    url: string;
    takenAt: string;
    census: PageCensus;
  };
  comments: SkeletonElement | null;
  chat: SkeletonElement | null;
}

/** Path words of Facebook's own addresses: kept, since they tell the kind of page. */
const PATH_WORDS = new Set([
  'posts',
  'photos',
  'photo',
  'photo.php',
  'videos',
  'video.php',
  'watch',
  'reel',
  'permalink.php',
  'story.php',
  'profile.php',
  'people',
  'groups',
  'pages',
  'events',
  'messages',
  't',
  'hashtag',
  'comment',
]);
const FACEBOOK_HOSTS = new Set([
  'www.facebook.com',
  'facebook.com',
  'web.facebook.com',
  'm.facebook.com',
  'm.me',
]);
/** Attributes whose values are words a person may read (and so may name someone). */
export const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-placeholder',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'alt',
  'title',
]);
/** Attributes that point at other elements by id: kept, with the ids as tokens. */
export const ID_REFERENCES = new Set([
  'id',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-activedescendant',
]);
/** ARIA states and properties whose values are from a fixed vocabulary (true, menu, 2…). */
const ARIA_VALUE =
  /^(?:true|false|mixed|undefined|\d{1,3}|dialog|menu|listbox|grid|tree|page|step|location|date|time|polite|assertive|off|on|horizontal|vertical)$/;
/** Link parameters of Facebook's own that recognition or a maintainer reads: their names are kept. */
const PARAMETER_NAMES = new Set([
  'comment_id',
  'reply_comment_id',
  'id',
  'fbid',
  'story_fbid',
  'set',
  'type',
  'post_id',
  'notif_id',
  'notif_t',
  'ref',
  'hc_ref',
  'sk',
  'v',
]);
/** Facebook's tracking parameters (`__cft__[0]`, `__tn__`): their values become `<tracking>`. */
const TRACKING_PARAMETER = /^__[a-z]+__(?:\[\d+\])?$/;
export const KEPT_ATTRIBUTES = new Set([
  'role',
  'dir',
  'contenteditable',
  'hidden',
  'href',
  'tabindex',
  'type',
]);
/** Elements whose insides say nothing about the layout (icons' paths). */
const SKIPPED_INSIDES = new Set(['svg']);
/** Elements a report leaves out whole: they run or load something, or say nothing of the layout. */
const DROPPED_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'base',
  'meta',
  'link',
]);
const ENCODED_COMMENT = /^comment:(\d+)_(\d+)$/;

/** Whatever script a letter without case belongs to, one letter stands for it. */
const SCRIPT_LETTERS: ReadonlyArray<[RegExp, string]> = [
  [/\p{Script=Arabic}/u, 'س'],
  [/\p{Script=Hebrew}/u, 'ש'],
  [/\p{Script=Han}/u, '字'],
  [/\p{Script=Hiragana}/u, 'あ'],
  [/\p{Script=Katakana}/u, 'ア'],
  [/\p{Script=Hangul}/u, '한'],
  [/\p{Script=Thai}/u, 'ก'],
  [/\p{Script=Devanagari}/u, 'क'],
];

function letterOf(char: string): string {
  if (char !== char.toLowerCase()) return 'X';
  if (char !== char.toUpperCase()) return 'x';
  return SCRIPT_LETTERS.find(([script]) => script.test(char))?.[1] ?? 'x';
}

/** Bidirectional marks and isolates: they shape the layout and say nothing of anyone. */
const BIDI_CONTROL = /^[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]$/u;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

/**
 * The text's shape: letters by case or script, digits as 0; whitespace, ASCII punctuation and bidi
 * marks stay. Everything else could spell a name another way (letters drawn as symbols, ⓖ 🅶 ⒢,
 * regional indicators, Braille, emoji, invisible tag characters) and becomes `*`; combining marks,
 * which would keep a word's vowels, go.
 */
export function shapeOf(text: string): string {
  return Array.from(text, (char) => {
    if (/\p{L}/u.test(char)) return letterOf(char);
    if (/\p{N}/u.test(char)) return '0';
    if (/\s/u.test(char) || ASCII_PUNCTUATION.test(char) || BIDI_CONTROL.test(char)) return char;
    return /\p{M}/u.test(char) ? '' : '*';
  }).join('');
}

/**
 * Turns one page into a report: every text shape-preserved unless it is one of Facebook's own words
 * and names nobody seen, every address a shape of tokens, class names and styles dropped. The same
 * number, name or id always becomes the same token, so the report keeps which links name the same
 * comment, and the fixture made from it is recognized as the page was.
 */
export class PageSanitizer {
  private readonly tokens = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  /** `names`: people and Pages seen on the page; no text that holds one is kept. */
  constructor(private readonly names: readonly string[]) {}

  element(element: Element): SkeletonElement {
    const tag = element.localName;
    const attrs: Record<string, string> = {};
    for (const { name, value } of element.attributes) {
      const kept = this.attribute(name, value);
      if (kept !== null) attrs[name] = kept;
    }
    const children: SkeletonNode[] = [];
    if (!SKIPPED_INSIDES.has(tag)) {
      for (const child of element.childNodes) {
        if (child.nodeType === 1 && !DROPPED_ELEMENTS.has((child as Element).localName))
          children.push(this.element(child as Element));
        else if (child.nodeType === 3 && child.nodeValue) children.push(this.text(child.nodeValue));
      }
    }
    return {
      tag,
      ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
      ...(children.length > 0 ? { children } : {}),
    };
  }

  /** A text as a report keeps it. */
  text(text: string): string {
    const words = text.trim().toLowerCase();
    if (FACEBOOK_UI_WORDS.has(words) && !this.names.some((name) => words.includes(name.toLowerCase())))
      return text;
    const time = /^(\s*)(\d+)(\s?)(\p{L}+\.?)(\s*)$/u.exec(text);
    if (time && FACEBOOK_TIME_UNITS.has(time[4]!.toLowerCase())) return text.replace(/\d/g, '0');
    return shapeOf(text);
  }

  /** A link's address as a report keeps it: Facebook's path words and parameter names, tokens for the rest. */
  href(href: string): string {
    let url: URL;
    try {
      url = new URL(href, 'https://www.facebook.com/');
    } catch {
      return this.token('address', href);
    }
    if (!FACEBOOK_HOSTS.has(url.host)) return `https://${this.token('host', url.host)}.invalid/`;
    const path = url.pathname
      .split('/')
      .map((segment) => (segment === '' || PATH_WORDS.has(segment) ? segment : this.segment(segment)))
      .join('/');
    const query = [...url.searchParams].map(
      ([name, value]) => `${this.parameterName(name)}=${this.parameter(name, value)}`,
    );
    return `${url.origin}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  }

  private attribute(name: string, value: string): string | null {
    if (name === 'href') return this.href(value);
    if (TEXT_ATTRIBUTES.has(name)) return this.text(value);
    if (ID_REFERENCES.has(name))
      return value
        .split(/\s+/)
        .map((id) => this.token('id', id))
        .join(' ');
    if (name.startsWith('aria-')) return ARIA_VALUE.test(value) ? value : this.text(value);
    if (name.startsWith('data-')) return '';
    return KEPT_ATTRIBUTES.has(name) ? value : null;
  }

  private segment(segment: string): string {
    if (/^\d+$/.test(segment)) return this.digits(segment);
    if (segment.startsWith('pfbid')) return this.token('pfbid', segment);
    return /^[\w.-]+$/.test(segment) ? this.token('vanity', segment) : this.token('name', segment);
  }

  /** Facebook's own parameter names stay; any other could be anything, a person's name or address. */
  private parameterName(name: string): string {
    return PARAMETER_NAMES.has(name) || TRACKING_PARAMETER.test(name) ? name : this.token('parameter', name);
  }

  private parameter(name: string, value: string): string {
    if (TRACKING_PARAMETER.test(name)) return '<tracking>';
    if (/^\d+$/.test(value)) return this.digits(value);
    if (value.startsWith('pfbid')) return this.token('pfbid', value);
    const encoded = decodedComment(value);
    if (encoded) return `<b64:comment:${this.digits(encoded[1]!)}_${this.digits(encoded[2]!)}>`;
    return value === '' ? '' : this.token('value', value);
  }

  private digits(value: string): string {
    return this.token(`digits:${value.length}`, value);
  }

  /** The same original always gets the same token, numbered in the order first seen per kind. */
  private token(kind: string, original: string): string {
    const key = `${kind}\u0000${original}`;
    let token = this.tokens.get(key);
    if (!token) {
      const next = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, next);
      token = `<${kind}#${next}>`;
      this.tokens.set(key, token);
    }
    return token;
  }
}

function decodedComment(value: string): RegExpExecArray | null {
  try {
    return ENCODED_COMMENT.exec(atob(value));
  } catch {
    return null;
  }
}
