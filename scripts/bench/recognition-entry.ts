/**
 * What bench-recognition.mjs times in a page: our recognition of one comment, as the content script
 * runs it on every comment that appears. Bundled on its own into the page's main world; never shipped.
 */
import { inspectComment } from '../../src/content/facebook/comments';

(globalThis as unknown as { pageOutreachRecognition: unknown }).pageOutreachRecognition = { inspectComment };
