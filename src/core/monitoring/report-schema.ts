/**
 * The runtime check of a monitoring report: it comes from a script that runs beside a visited
 * page, so the background takes it as untrusted input, with every text and list capped.
 */
import * as v from 'valibot';
import { MAX_SIGHTINGS, type MonitorReport } from './report';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const ids = v.pipe(v.array(text(100)), v.maxLength(1_000));

const SightingSchema = v.strictObject({
  id: text(100),
  termId: text(100),
  term: text(1_000),
  sentence: text(2_000),
  exact: text(10_000),
  selectors: v.strictObject({
    quote: v.strictObject({
      type: v.literal('TextQuoteSelector'),
      exact: text(10_000),
      prefix: v.optional(text(2_000)),
      suffix: v.optional(text(2_000)),
    }),
    position: v.strictObject({ type: v.literal('TextPositionSelector'), start: count, end: count }),
  }),
});

const ReportSchema = v.strictObject({
  title: text(10_000),
  lang: v.nullable(text(100)),
  sightings: v.pipe(v.array(SightingSchema), v.maxLength(MAX_SIGHTINGS)),
  anchors: v.strictObject({ found: ids, missing: ids }),
});

/** Whether `value` is a well-formed report within the caps. */
export function isMonitorReport(value: unknown): value is MonitorReport {
  return v.is(ReportSchema, value);
}
