/** Longest post key kept: a post's path and its id parameters. */
export const MAX_POST_KEY = 500;

/**
 * A post's key: its address without the host, so www. and web.facebook.com name the same post; null
 * for anything that is not an address (a forgotten fan's contact keeps no post).
 */
export function postKeyOf(postUrl: string): string | null {
  if (!postUrl) return null;
  try {
    const { pathname, search } = new URL(postUrl);
    return `${pathname}${search}`.slice(0, MAX_POST_KEY);
  } catch {
    return null;
  }
}

/** A request's post key field, from the comment's post address, where it names one. */
export function postKeyField(postUrl: string): { postKey?: string } {
  const postKey = postKeyOf(postUrl);
  return postKey === null ? {} : { postKey };
}
