/**
 * The mentions as W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/): one
 * Annotation per mention in an AnnotationCollection, so that annotation tools can open them.
 * The target is the page with the quote's TextQuoteSelector and TextPositionSelector; the note
 * is a commenting body, each tag a tagging body and the tone a classifying body.
 */
import type { Mention } from '../model/types';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'classifying';
  format?: 'text/plain';
}

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: {
    source: string;
    selector?: (
      | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
      | { type: 'TextPositionSelector'; start: number; end: number }
    )[];
  };
}

export interface AnnotationCollection {
  '@context': typeof CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

/** An IRI for a mention: its UUID as a URN (ids from older tests may not be UUIDs). */
function iri(id: string): string {
  return UUID.test(id)
    ? `urn:uuid:${id.toLowerCase()}`
    : `urn:vigie:mention:${encodeURIComponent(id)}`;
}

/** One mention as an Annotation. */
export function mentionAnnotation(m: Mention): Annotation {
  const body: TextualBody[] = [];
  if (m.note.trim())
    body.push({ type: 'TextualBody', value: m.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of m.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  body.push({ type: 'TextualBody', value: m.tone, purpose: 'classifying' });
  const annotation: Annotation = {
    id: iri(m.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: m.capturedAt,
    modified: m.updatedAt,
    body,
    target: { source: m.url },
  };
  if (m.selectors) {
    const { quote, position } = m.selectors;
    const textQuote: {
      type: 'TextQuoteSelector';
      exact: string;
      prefix?: string;
      suffix?: string;
    } = {
      type: 'TextQuoteSelector',
      exact: quote.exact,
    };
    if (quote.prefix) textQuote.prefix = quote.prefix;
    if (quote.suffix) textQuote.suffix = quote.suffix;
    annotation.target.selector = [
      textQuote,
      { type: 'TextPositionSelector', start: position.start, end: position.end },
    ];
  }
  return annotation;
}

/** Every mention as one AnnotationCollection, named after the export's time. */
export function mentionsAnnotations(
  mentions: readonly Mention[],
  exportedAt: string,
): AnnotationCollection {
  const id = `urn:vigie:export:${exportedAt}`;
  return {
    '@context': CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Vigie mentions, ${exportedAt}`,
    total: mentions.length,
    first: {
      id: `${id}:page:0`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: mentions.map(mentionAnnotation),
    },
  };
}
