/**
 * Work that only matters where the admin can see it (a fan's status beside a comment) waits until its
 * element comes near the viewport: on a thread of thousands, most comments are never scrolled to, and
 * each status costs the page a closed shadow root to style and lay out, and a question to the background.
 */

/** One screen above and below the viewport: a status is drawn before its comment scrolls in. */
const NEAR_MARGIN = '100% 0px';

/** Calls `onNear` once, the first time `element` is near the viewport. */
export type NearViewport = (element: Element, onNear: () => void) => void;

/** One IntersectionObserver for every element waiting, each let go once it has been near. */
export function watchNearViewport(signal: AbortSignal): NearViewport {
  const waiting = new WeakMap<Element, () => void>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const onNear = waiting.get(entry.target);
        waiting.delete(entry.target);
        onNear?.();
      }
    },
    { rootMargin: NEAR_MARGIN },
  );
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return (element, onNear) => {
    waiting.set(element, onNear);
    observer.observe(element);
  };
}
