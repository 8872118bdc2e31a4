/**
 * Tables on phones: a table wider than its scrolling box gets a visible cue just above the box
 * ("Scroll sideways for more columns"), outside the scrolling area, so no column is hidden without a
 * sign. The cue is shown only while the table actually overflows (checked again on resize). Without
 * JavaScript the scroll shadows in global.css are the cue.
 */
export const CUE_TEXT = 'Scroll sideways for more columns →';

export function updateCue(box: HTMLElement): void {
  let cue = box.previousElementSibling;
  if (!(cue instanceof HTMLElement) || !cue.hasAttribute('data-scroll-cue')) {
    cue = box.ownerDocument.createElement('p');
    cue.className = 'scroll-cue';
    cue.setAttribute('data-scroll-cue', '');
    cue.textContent = CUE_TEXT;
    box.before(cue);
  }
  (cue as HTMLElement).hidden = box.scrollWidth <= box.clientWidth + 1;
}

export function setUpTableCues(doc: Document = document): void {
  const boxes = Array.from(doc.querySelectorAll<HTMLElement>('.table-scroll'));
  const observer =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => entries.forEach((e) => updateCue(e.target as HTMLElement)))
      : undefined;
  for (const box of boxes) {
    updateCue(box);
    observer?.observe(box);
  }
}
