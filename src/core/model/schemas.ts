/**
 * Runtime schemas of the records that come back from outside the background's own code
 * (undo buffers from a page, and later backups), checked with valibot.
 */
import * as v from 'valibot';

const iso = v.pipe(v.string(), v.isoTimestamp());
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const quoteSelector = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: text(100_000),
  prefix: v.optional(text(10_000)),
  suffix: v.optional(text(10_000)),
});

const positionSelector = v.strictObject({
  type: v.literal('TextPositionSelector'),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const MentionSchema = v.strictObject({
  id: text(100),
  url: text(100_000),
  pageTitle: text(10_000),
  site: text(1_000),
  lang: v.nullable(text(100)),
  kind: v.picklist(['selection', 'link', 'image', 'page']),
  quote: text(100_000),
  selectors: v.nullable(v.strictObject({ quote: quoteSelector, position: positionSelector })),
  linkUrl: v.nullable(text(100_000)),
  srcUrl: v.nullable(text(100_000)),
  capturedAt: iso,
  captureLimit: v.nullable(v.literal('unscriptable')),
  evidence: v.strictObject({
    captureSha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
    pageCopy: v.nullable(
      v.strictObject({
        id: text(100),
        format: v.picklist(['mhtml', 'html']),
        sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
        savedAt: iso,
        bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
      }),
    ),
  }),
  note: text(20_000),
  tags: v.pipe(v.array(text(60)), v.maxLength(30)),
  tone: v.picklist(['negative', 'neutral', 'positive']),
  toneSource: v.picklist(['auto', 'user']),
  reach: v.picklist(['low', 'medium', 'high']),
  crisisId: v.nullable(text(100)),
  triagedAt: v.nullable(iso),
  updatedAt: iso,
});

/** Is this value a well-formed mention? */
export function isMention(value: unknown): boolean {
  return v.is(MentionSchema, value);
}
