/**
 * Embedded figures report their height to the host page, so the host's iframe can be exactly as tall
 * as the content (no inner scrollbar, no gap). The protocol, one message type, sent to the parent
 * window on load and whenever the content's height changes (figure switched to its table, a
 * disclosure opened, the iframe resized):
 *
 *   { type: 'wcsn:embed-height', id: '<figure id>', height: <CSS px, integer> }
 *
 * The target origin is '*' because a figure may be embedded anywhere; the message carries nothing
 * but the height. Hosts must check `event.origin` is this site and `event.source` is their iframe
 * (see the host snippet in docs/design.md and under "Embed this figure").
 */
export const MESSAGE_TYPE = 'wcsn:embed-height';

export interface EmbedHeightMessage {
  type: typeof MESSAGE_TYPE;
  id: string;
  height: number;
}

/** The content's height: the body's box (the embed body is a flow root, so no margin escapes it). */
export function measure(doc: Document): number {
  return Math.ceil(doc.body.getBoundingClientRect().height);
}

export function reportHeight(win: Window = window): void {
  if (win.parent === win) return;
  const doc = win.document;
  const id = doc.querySelector<HTMLElement>('figure.figure')?.id ?? '';
  let last = -1;
  const send = (): void => {
    const height = measure(doc);
    if (height === last) return;
    last = height;
    const message: EmbedHeightMessage = { type: MESSAGE_TYPE, id, height };
    win.parent.postMessage(message, '*');
  };
  send();
  win.addEventListener('load', send);
  if (typeof ResizeObserver === 'function') new ResizeObserver(send).observe(doc.body);
}
