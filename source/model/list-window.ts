// Pure helpers for windowed lists: where the cursor may go, and which slice is on screen.

export function clampIndex(index: number, count: number): number {
  return count <= 0 ? 0 : Math.max(0, Math.min(count - 1, index));
}

/**
 * The first visible index, moved as little as possible from `previousTop` so that the
 * cursor stays on screen. Keeping the old top (rather than centring) is what stops the
 * view from jumping while the user moves within it.
 */
export function windowTop(previousTop: number, cursor: number, height: number, count: number): number {
  if (height <= 0 || count <= height) return 0;
  let top = Math.max(0, Math.min(previousTop, count - height));
  if (cursor < top) top = cursor;
  if (cursor >= top + height) top = cursor - height + 1;
  return top;
}

/**
 * The top line of a view scrolled without a cursor (help, message detail, describe): at most
 * one page above the end, so the last page is full and every line key moves the view. The
 * key handlers and the views both clamp with this, so they never disagree about where the
 * view is (they did: after G, several k presses used to change nothing).
 */
export function scrollTop(top: number, count: number, height: number): number {
  return Math.max(0, Math.min(top, count - Math.max(1, height)));
}
