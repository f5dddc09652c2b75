/** What verifying a mention's evidence found: its fingerprints recomputed against the saved ones. */
export interface EvidenceCheck {
  /**
   * The capture's hash, recomputed from its url, quote, selectors and time, against the saved
   * one. 'shortened': the capture was longer than a record holds and was stored shortened
   * (`fields`); its fingerprint is that of the whole capture, so it cannot be recomputed.
   */
  capture: {
    state: 'match' | 'mismatch' | 'shortened';
    saved: string;
    computed: string;
    fields: string[];
  };
  /**
   * The copy's hash, recomputed from its bytes, against the reference's. 'missing': the
   * mention refers to a copy this browser does not hold (a backup carries references only).
   */
  copy:
    | { state: 'none' }
    | { state: 'missing'; saved: string }
    | { state: 'match' | 'mismatch'; saved: string; computed: string };
}

/** The media type of a page copy, by its format: its download, its attachment in the cell. */
export const COPY_TYPES: Record<'mhtml' | 'html', string> = {
  mhtml: 'multipart/related',
  html: 'text/html',
};

/** Where a mention's page copy stands with the team cell, as its evidence panel says it. */
export type CopySharing =
  'no-cell' | 'not-shared' | 'no-copy' | 'too-large' | 'can-share' | 'shared' | 'not-found';

/**
 * The largest page copy shared with the cell. CouchDB refuses a document over its
 * `max_document_size` (8,000,000 bytes by default), and a copy travels in its mention's
 * document as base64, a third larger: 5 MiB of page (7.0 MB as base64) and the largest
 * mention a record holds stay under the default.
 */
export const MAX_SHARED_COPY_BYTES = 5 * 1024 * 1024;
