/**
 * "Exit this page", after the GOV.UK Design System pattern: the button, or the Shift key pressed three
 * times within five seconds (on its own, not as part of Shift+Tab or Shift+A), covers the page at once
 * and replaces it in the history with a neutral site outside this one (`location.replace`, so Back
 * does not come back here). A live region says how many more presses are needed. There is no Escape
 * shortcut: Escape closes tooltips. Without JavaScript the button is an ordinary link to the same place.
 */
export const EXIT_PRESSES = 3;
export const EXIT_WINDOW_MS = 5000;

/** Counts lone Shift presses (keyup), as GOV.UK Frontend does. Returns true on the press that exits. */
export class ShiftCounter {
  count = 0;
  #lastWasModified = false;
  #since = 0;

  /** Feed every keyup; `now` in ms. */
  keyup(key: string, shiftKey: boolean, now: number): boolean {
    let exit = false;
    if (key === 'Shift' && !this.#lastWasModified) {
      if (this.count === 0 || now - this.#since > EXIT_WINDOW_MS) {
        this.count = 0;
        this.#since = now;
      }
      this.count += 1;
      if (this.count >= EXIT_PRESSES) {
        this.count = 0;
        exit = true;
      }
    } else if (this.count > 0) {
      this.count = 0;
    }
    this.#lastWasModified = shiftKey;
    return exit;
  }
}

export function setUpQuickExit(doc: Document = document, win: Window = window): void {
  const button = doc.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
  const cover = doc.querySelector<HTMLElement>('[data-quick-exit-cover]');
  const status = doc.querySelector<HTMLElement>('[data-quick-exit-status]');
  if (!button) return;
  const leave = (): void => {
    if (cover) cover.hidden = false;
    doc.documentElement.classList.add('is-exiting');
    doc.title = 'Loading';
    win.location.replace(button.href);
  };
  button.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    leave();
  });
  const counter = new ShiftCounter();
  let clear: ReturnType<typeof setTimeout> | undefined;
  doc.addEventListener('keyup', (event) => {
    const exit = counter.keyup(event.key, event.shiftKey, Date.now());
    if (exit) {
      leave();
      return;
    }
    if (!status) return;
    const left = EXIT_PRESSES - counter.count;
    status.textContent = counter.count > 0 ? `Shift, press ${left} more time${left === 1 ? '' : 's'} to exit.` : '';
    if (clear) clearTimeout(clear);
    clear = setTimeout(() => {
      status.textContent = '';
    }, EXIT_WINDOW_MS);
  });
}
