/**
 * The popup's and the crisis log's client of the background contract.
 */
import { browser } from '../core/browser';
import type { BackgroundCalls, Envelope } from '../core/messaging/protocol';
import { createClient } from '../core/messaging/rpc';

/** Calls the background; resolves to a Result, never throws. */
export const ask = createClient<BackgroundCalls>((envelope: Envelope<unknown>) =>
  browser.runtime.sendMessage(envelope),
);
