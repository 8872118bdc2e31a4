/**
 * Tables on phones: a table wider than its scrolling box gets a visible cue just above the box
 * ("Scroll sideways for more columns"), outside the scrolling area, so no column is hidden without a
 * sign. The cue is shown only while the table actually overflows (checked again on resize). Without
 * JavaScript the scroll shadows in global.css are the cue.
 */
export const CUE_TEXT = 'Scroll sideways for more columns →';

/** The cue before a scrolling box, made (hidden) if it is not there yet. Writes only: reads no layout. */
function cueFor(box: HTMLElement): HTMLElement {
  const before = box.previousElementSibling;
  if (before instanceof HTMLElement && before.hasAttribute('data-scroll-cue')) return before;
  const cue = box.ownerDocument.createElement('p');
  cue.className = 'scroll-cue';
  cue.setAttribute('data-scroll-cue', '');
  cue.textContent = CUE_TEXT;
  cue.hidden = true;
  box.before(cue);
  return cue;
}

export function updateCue(box: HTMLElement): void {
  cueFor(box).hidden = box.scrollWidth <= box.clientWidth + 1;
}

/**
 * Every table gets its (hidden) cue at once; a ResizeObserver then shows each cue whose table
 * overflows. The observer reports each box once it has been laid out, in the same frame, before it
 * is painted, so nothing is measured by force at load (a forced layout per table would also render
 * the blocks the page leaves unrendered below the fold, see docs/performance.md), and a table that
 * is never scrolled to is never measured. Without ResizeObserver, every box is measured now.
 */
export function setUpTableCues(doc: Document = document): void {
  const boxes = Array.from(doc.querySelectorAll<HTMLElement>('.table-scroll'));
  for (const box of boxes) cueFor(box);
  if (typeof ResizeObserver !== 'function') {
    for (const box of boxes) updateCue(box);
    return;
  }
  const observer = new ResizeObserver((entries) => {
    // All reads, then all writes: a cue shown or hidden between two reads would force a layout.
    const overflows = entries.map((e) => {
      const box = e.target as HTMLElement;
      return [box, box.scrollWidth > box.clientWidth + 1] as const;
    });
    for (const [box, over] of overflows) cueFor(box).hidden = !over;
  });
  for (const box of boxes) observer.observe(box);
}
