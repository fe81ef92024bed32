/** Longest comment text we keep; Facebook caps comments at 8,000 characters. */
export const MAX_COMMENT_TEXT = 8000;
/** Longest name, id or timestamp label we accept from the page. */
export const MAX_LABEL = 300;
/** Fans whose status one request may ask for: a burst of comments as Facebook loads them. */
export const MAX_STATUS_BATCH = 500;
/**
 * Fan comments one sightings message carries: a burst of comments is told in a few messages (each
 * message costs the page's main thread about a millisecond, whatever it carries).
 */
export const MAX_SIGHTING_BATCH = 500;

/** Facebook markup signals the content script relies on (see src/content/facebook/). */
export const FAILED_SIGNALS = ['comment-article', 'permalink', 'author', 'action-row', 'placement'] as const;
export type FailedSignal = (typeof FAILED_SIGNALS)[number];

/** Oldest comment age we accept from the page: Facebook itself began in 2004. */
export const MAX_COMMENT_AGE_MS = 30 * 365 * 24 * 60 * 60 * 1000;

/** Facebook's private replies take at most 2,000 characters. */
export const MAX_MESSAGE_LENGTH = 2000;

/** Longest language tag kept from a page's `<html lang>`; it is only ever matched against ours. */
export const MAX_LANGUAGE_TAG = 35;

/** Fan comments a tab lists for the side panel's queue at most: a busy thread's worth in view. */
export const MAX_LISTED_COMMENTS = 300;
