/**
 * The hosts that serve Facebook's desktop site, where the content script reads comments: `web.` is the
 * same site under another name, which some admins' links and regions use. `m.`, `mbasic.` and Business
 * Suite are other layouts, which we do not read. The manifest's `content_scripts.matches` lists the
 * same hosts (a test holds them equal).
 */
export const FACEBOOK_DESKTOP_ORIGINS = ['https://www.facebook.com', 'https://web.facebook.com'] as const;

/** Is `url` a page of Facebook's desktop site (on any of its hosts)? */
export function isFacebookDesktopUrl(url: string): boolean {
  return URL.canParse(url) && (FACEBOOK_DESKTOP_ORIGINS as readonly string[]).includes(new URL(url).origin);
}
