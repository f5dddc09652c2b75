/**
 * "Keep a copy of the page": saves the page a mention was flagged on, as it is in the user's
 * tab. Chromium saves it whole as MHTML (`pageCapture`, an optional permission the popup asks
 * for on the click); Firefox has no pageCapture, so there (and in Chromium when the permission
 * was refused) the document is serialized as HTML by a script in the tab, which the activeTab
 * grant of the popup allows. The copy is what the browser rendered, scripts' changes included.
 */
import { browser } from '../../core/browser';
import {
  keepPageCopy,
  readPageCopy,
  verifyEvidence,
  type NewPageCopy,
} from '../../core/db/page-copies';
import { getMention } from '../../core/db/mentions';
import type { VigieDatabase } from '../../core/db/open';
import type { BackgroundCalls } from '../../core/messaging/protocol';
import { type Handlers } from '../../core/messaging/rpc';
import { AppError } from '../../core/errors';
import { pageKeyOf } from '../../core/model/mention';
import { base64Of } from '../../core/text/base64';
import { canScript } from '../capture';

/** Chromium's pageCapture, present once the user granted the permission; absent in Firefox. */
function pageCaptureApi(): typeof chrome.pageCapture | undefined {
  const api = (globalThis as { chrome?: { pageCapture?: typeof chrome.pageCapture } }).chrome;
  return api?.pageCapture?.saveAsMHTML ? api.pageCapture : undefined;
}

/**
 * The document of the tab as HTML, doctype first, as the browser holds it now: the root
 * element's start tag rebuilt from its attributes, then its content serialized by the browser;
 * with the address of the document it is.
 */
function serializeDocument(): { url: string; html: string } {
  const root = document.documentElement;
  const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '';
  const escape = (value: string) =>
    value
      .replace(/&/g, '&amp;')
      .replace(/"/g, '&quot;')
      .replace(/\u00a0/g, '&nbsp;');
  const attributes = [...root.attributes].map((a) => ` ${a.name}="${escape(a.value)}"`).join('');
  const tag = root.localName;
  const html = `${doctype}${doctype ? '\n' : ''}<${tag}${attributes}>${root.getHTML()}</${tag}>`;
  return { url: location.href, html };
}

/**
 * The address an MHTML snapshot says it was taken of (its Snapshot-Content-Location header,
 * which Chromium writes first), or null. Header lines may be folded: a line starting with a
 * blank continues the one before.
 */
export function snapshotLocation(mhtml: ArrayBuffer): string | null {
  const head = new TextDecoder('latin1').decode(mhtml.slice(0, 64 * 1024));
  const end = head.search(/\r?\n\r?\n/);
  const unfolded = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^Snapshot-Content-Location:[ \t]*(.+?)[ \t]*$/im.exec(unfolded);
  return match ? match[1]! : null;
}

/** Attempts at an MHTML copy before the HTML one is kept instead. */
const MHTML_ATTEMPTS = 3;

/** A copy of a page, with the address of the document it was taken of (null: not said). */
export type TabCopy = Omit<NewPageCopy, 'savedAt'> & { location: string | null };

/** A copy of the page in tab `tabId`, MHTML where the browser offers it. */
export async function copyOfTab(tabId: number): Promise<TabCopy> {
  const pageCapture = pageCaptureApi();
  for (let attempt = 0; pageCapture && attempt < MHTML_ATTEMPTS; attempt += 1) {
    const blob = await pageCapture.saveAsMHTML({ tabId }).catch(() => undefined);
    if (!blob) break;
    try {
      const data = await blob.arrayBuffer();
      return { format: 'mhtml', data, location: snapshotLocation(data) };
    } catch {
      // The temporary file behind the blob can be gone before it is read (NotFoundError,
      // seen on a loaded machine): the page is captured again.
    }
  }
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: serializeDocument,
  });
  const page = result?.result as ReturnType<typeof serializeDocument> | undefined;
  if (typeof page?.html !== 'string' || typeof page.url !== 'string') {
    throw new AppError('cannot-copy', 'The page did not give its document.');
  }
  const data = new TextEncoder().encode(page.html).buffer as ArrayBuffer;
  return { format: 'html', data, location: page.url };
}

type EvidenceCalls = Pick<BackgroundCalls, 'keepPageCopy' | 'verifyEvidence' | 'getPageCopy'>;

export function createEvidenceCalls(deps: {
  db: VigieDatabase;
  now: () => Date;
}): Handlers<EvidenceCalls, unknown> {
  const { db } = deps;
  return {
    async keepPageCopy({ mentionId, tabId }) {
      const mention = await getMention(db, mentionId);
      if (!mention) throw new AppError('not-found', `No mention ${mentionId}`);
      if (mention.evidence.pageCopy) return mention;
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!tab?.url) throw new AppError('no-tab', 'The tab is gone or cannot be read.');
      // The copy must be of the page the quote was taken from, not of wherever the tab is now.
      if (pageKeyOf(tab.url) !== pageKeyOf(mention.url)) {
        throw new AppError('wrong-page', 'The tab shows another page than the mention’s.');
      }
      if (!canScript(tab.url)) throw new AppError('cannot-copy', 'The browser keeps this page.');
      const { location, ...copy } = await copyOfTab(tabId).catch((error: unknown) => {
        if (error instanceof AppError) throw error;
        throw new AppError('cannot-copy', String(error));
      });
      // The tab may have gone to another page while the copy was made: the copy says which
      // document it is, and only a copy of the mention's page is kept.
      if (location === null || pageKeyOf(location) !== pageKeyOf(mention.url)) {
        throw new AppError('wrong-page', 'The copy is of another page than the mention’s.');
      }
      const outcome = await keepPageCopy(db, mentionId, {
        ...copy,
        savedAt: deps.now().toISOString(),
      });
      if (outcome.kept) return outcome.mention;
      if (outcome.reason === 'too-large') {
        throw new AppError('cannot-copy', `The copy is ${copy.data.byteLength} bytes: too large.`);
      }
      if (outcome.mention) return outcome.mention;
      throw new AppError('not-found', `No mention ${mentionId}`);
    },

    async verifyEvidence({ mentionId }) {
      const check = await verifyEvidence(db, mentionId);
      if (!check) throw new AppError('not-found', `No mention ${mentionId}`);
      return check;
    },

    async getPageCopy({ mentionId }) {
      const record = await readPageCopy(db, mentionId);
      if (!record) throw new AppError('not-found', `No page copy for ${mentionId}`);
      const { format, sha256, savedAt, bytes } = record;
      return { format, sha256, savedAt, bytes, base64: base64Of(record.data) };
    },
  };
}
