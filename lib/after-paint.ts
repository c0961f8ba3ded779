/** How long to wait for a frame that may never come: a document hidden meanwhile runs no frame callbacks. */
const NO_FRAME_MS = 100;

/**
 * Resolves once the next frame has been painted: work started then does not delay the frame that shows
 * what came before it. requestAnimationFrame runs just before a paint, a task it queues runs after it.
 * A hidden document paints no frames and never runs the callback, so there a task stands in (and a timer,
 * should the document be hidden while it waits). A page being left (its tab closed, say) resolves it at
 * once, while the page can still act: work waiting for a frame, such as sending a save, is not lost with it.
 */
export function afterPaint(doc: Document = document): Promise<void> {
  const win = doc.defaultView;
  return new Promise((resolve) => {
    if (!win || doc.visibilityState === 'hidden') return void setTimeout(resolve, 0);
    const done = () => {
      win.clearTimeout(noFrame);
      doc.removeEventListener('visibilitychange', done);
      win.removeEventListener('pagehide', done);
      resolve();
    };
    const noFrame = win.setTimeout(done, NO_FRAME_MS);
    // Hidden (a tab being closed is hidden first) or left: at once.
    doc.addEventListener('visibilitychange', done);
    win.addEventListener('pagehide', done);
    win.requestAnimationFrame(() => win.setTimeout(done, 0));
  });
}
