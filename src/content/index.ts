/**
 * Content script (one classic IIFE file), injected into a page on the user's gesture only.
 * It describes the user's selection with W3C selectors and answers the background; it never
 * touches IndexedDB (a content script's IndexedDB belongs to the visited site).
 */
import type { ContentCalls, PageCapture } from '../core/messaging/protocol';
import { dispatch, isEnvelope, type Handlers } from '../core/messaging/rpc';
import { describeFlagged } from './describe-selection';
import { onMessage } from './runtime';

declare global {
  // Set once per frame: the script may be injected again by a later flag.
  var __vigieContent: boolean | undefined;
}

function capture({ said }: { said?: string }): PageCapture {
  return {
    url: location.href,
    title: document.title,
    lang: document.documentElement.lang || null,
    selection: describeFlagged(window.getSelection(), document.body, said),
  };
}

const handlers: Handlers<ContentCalls, unknown> = { capture };

if (!globalThis.__vigieContent) {
  globalThis.__vigieContent = true;
  // The monitoring script may share this frame: each answers its own calls only.
  onMessage((message) =>
    isEnvelope(message) && Object.hasOwn(handlers, message.call)
      ? dispatch(handlers, message, null)
      : undefined,
  );
}
