/**
 * Flagging: turns what the page (or, failing that, the context menu) gives into a mention with
 * its evidence hash, stores it once, and files it into the inbox, a new crisis or an open one.
 */
import { fitted } from '../core/db/checked';
import { addMention, getMention } from '../core/db/mentions';
import { getCrisis, moveMentions, newEvent } from '../core/db/crises';
import type { VigieDatabase } from '../core/db/open';
import { getSettings } from '../core/db/settings';
import type { FlagInto, FlagOutcome, PageCapture } from '../core/messaging/protocol';
import { newCrisis } from '../core/model/crisis';
import { sha256Hex } from '../core/model/hash';
import { newId } from '../core/model/ids';
import { canonicalCapture, crisisNameFor, siteOf } from '../core/model/mention';
import type { Crisis, Level, Mention, MentionKind } from '../core/model/types';

/** What the browser tells about the click: the context menu's data, or the tab alone. */
export interface FlagSource {
  pageUrl: string;
  pageTitle: string;
  selectionText?: string | undefined;
  linkUrl?: string | undefined;
  srcUrl?: string | undefined;
  mediaType?: string | undefined;
}

export interface FlagDeps {
  db: VigieDatabase;
  now: () => Date;
  /** Default texts in the user's language (the name of a crisis with none). */
  labels: { untitledCrisis: string };
}

const NEW_CRISIS_LEVEL: Level = 2;

function kindOf(source: FlagSource, quote: string): MentionKind {
  if (quote) return 'selection';
  if (source.linkUrl) return 'link';
  if (source.srcUrl && (source.mediaType ?? 'image') === 'image') return 'image';
  return 'page';
}

/**
 * The mention a capture describes, with its evidence hash. Pure but for the hash. The hash
 * covers the capture as the page gave it; the record holds it fitted to the schema's limits
 * (a text a page made longer is shortened, `CUT_MARK` at the cut), so that every flag restores
 * from a backup. A shortened capture's hash is still the hash of the whole capture, which the
 * record no longer holds: `verifyEvidence` says so rather than calling it changed.
 */
export async function buildMention(
  source: FlagSource,
  capture: PageCapture | null,
  capturedAt: string,
): Promise<Mention> {
  const url = capture?.url || source.pageUrl;
  const quote = capture?.selection?.exact ?? source.selectionText?.trim() ?? '';
  const selectors = capture?.selection
    ? { quote: capture.selection.quote, position: capture.selection.position }
    : null;
  const linkUrl = source.linkUrl ?? null;
  const srcUrl = source.srcUrl ?? null;
  const captureSha256 = await sha256Hex(
    canonicalCapture({ url, quote, selectors, linkUrl, srcUrl, capturedAt }),
  );
  const lang = capture?.lang?.trim() || null;
  return fitted('mentions', {
    id: newId(),
    url,
    pageTitle: capture?.title || source.pageTitle,
    site: siteOf(url),
    lang,
    kind: kindOf(source, quote),
    quote,
    selectors,
    linkUrl,
    srcUrl,
    capturedAt,
    captureLimit: capture ? null : 'unscriptable',
    evidence: { captureSha256, pageCopy: null },
    note: '',
    tags: [],
    // The user flags what they see as negative; the scorer (issue 5) may refine it.
    tone: 'negative',
    toneSource: 'auto',
    reach: 'medium',
    crisisId: null,
    triagedAt: null,
    updatedAt: capturedAt,
  } satisfies Mention).record;
}

/** Opens a crisis (journaled) and moves the given mentions into it, in one transaction. */
export async function openCrisisWith(
  deps: FlagDeps,
  args: { title: string; level: Level; mentionIds: string[] },
): Promise<Crisis> {
  const settings = await getSettings(deps.db);
  const at = deps.now().toISOString();
  const crisis = newCrisis({
    title: args.title.trim() || deps.labels.untitledCrisis,
    level: args.level,
    openedAt: at,
    // Built-in items keep no text of their own: they are said in the language of the moment.
    checklist: settings.checklist,
    stakeholders: settings.stakeholders,
  });
  const opened = newEvent(crisis.id, at, 'opened', { level: crisis.level, title: crisis.title });
  await moveMentions(deps.db, args.mentionIds, crisis.id, at, { crisis, events: [opened] });
  return crisis;
}

/** Stores the flag (once) and files it where the user asked. */
export async function fileFlag(
  deps: FlagDeps,
  source: FlagSource,
  capture: PageCapture | null,
  into: FlagInto,
): Promise<FlagOutcome> {
  const at = deps.now().toISOString();
  const built = await buildMention(source, capture, at);
  const { mention, duplicate } = await addMention(deps.db, built);
  let crisis: Crisis | null = null;
  if (into.to === 'new-crisis' && duplicate) {
    // Already flagged: a second flag (a double click, a retry that ran twice) opens no second
    // crisis; the mention stays where it is.
    crisis = mention.crisisId ? ((await getCrisis(deps.db, mention.crisisId)) ?? null) : null;
  } else if (into.to === 'new-crisis') {
    crisis = await openCrisisWith(deps, {
      title: crisisNameFor(mention) || deps.labels.untitledCrisis,
      level: NEW_CRISIS_LEVEL,
      mentionIds: [mention.id],
    });
  } else if (into.to === 'crisis') {
    // A menu item can outlive its crisis (deleted meanwhile): the flag then stays in the inbox.
    crisis = (await getCrisis(deps.db, into.crisisId)) ?? null;
    if (crisis) await moveMentions(deps.db, [mention.id], crisis.id, at);
  }
  const filed = crisis ? ((await getMention(deps.db, mention.id)) ?? mention) : mention;
  return {
    mention: filed,
    duplicate,
    crisis,
    limit: built.captureLimit,
    crisisGone: into.to === 'crisis' && crisis === null,
    movedFrom:
      duplicate && crisis && mention.crisisId && mention.crisisId !== crisis.id
        ? mention.crisisId
        : null,
  };
}
