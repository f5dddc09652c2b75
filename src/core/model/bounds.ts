/**
 * Text that a page (or an older version of Vigie) made longer than a record may hold is
 * shortened to the record schema's limit rather than refused: one flag of a 100,000-character
 * selection must not leave a log whose every backup is refused on restore. The schemas say which
 * texts may be shortened and from which side (`clip`); a shortened text carries the cut mark
 * where it was cut (core/model/limits.ts), so that a reader sees it, and Vigie can tell.
 *
 * A record is fitted (`fitRecord`) where it enters: a flag, a monitoring report, an undo, an
 * import. Checking comes first and shortening only when the check fails, so the common record
 * costs one check.
 */
import * as v from 'valibot';
import { shorten } from './limits';

/**
 * How a text over its limit is made to fit: cut at its end, cut at its start (keeping the part
 * next to what follows it), or dropped to null (a page language nobody could read shortened).
 */
export type Clip = 'end' | 'start' | 'null';

/** The schema metadata that lets `fitRecord` shorten a text (`v.metadata(clipAt('end'))`). */
export const clipAt = (clip: Clip) => ({ clip });

/** What a schema node says about a text that may be shortened: its limit and side. */
function clipOf(schema: AnySchema): { max: number; clip: Clip } | null {
  let max: number | undefined;
  let clip: Clip | undefined;
  for (const item of schema.pipe ?? []) {
    if (item.type === 'max_length') max = item.requirement as number;
    if (item.type === 'metadata') clip = (item.metadata as { clip?: Clip }).clip;
  }
  return max !== undefined && clip !== undefined ? { max, clip } : null;
}

/** The parts of a valibot schema the walk reads (valibot's own types are per kind). */
interface AnySchema {
  type: string;
  pipe?: { type: string; requirement?: unknown; metadata?: unknown }[];
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  wrapped?: AnySchema;
  value?: AnySchema;
  options?: AnySchema[];
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `value` with every text over its limit shortened where `schema` allows it, copied only where
 * something changed; the places shortened are added to `places` (field paths without indexes:
 * "selectors.quote.prefix"). Anything not of the schema's shape is left for the check to refuse.
 */
function clipWalk(schema: AnySchema, value: unknown, path: string, places: string[]): unknown {
  switch (schema.type) {
    case 'string': {
      const rule = clipOf(schema);
      if (!rule || typeof value !== 'string' || value.length <= rule.max) return value;
      places.push(path);
      return rule.clip === 'null' ? null : shorten(value, rule.max, rule.clip);
    }
    case 'nullable':
    case 'optional':
      return value === null || value === undefined
        ? value
        : clipWalk(schema.wrapped!, value, path, places);
    case 'strict_object':
    case 'object': {
      if (!isPlain(value)) return value;
      let out: Record<string, unknown> | null = null;
      for (const [key, entry] of Object.entries(schema.entries!)) {
        if (!Object.hasOwn(value, key)) continue;
        const next = clipWalk(entry, value[key], path ? `${path}.${key}` : key, places);
        if (next !== value[key]) (out ??= { ...value })[key] = next;
      }
      return out ?? value;
    }
    case 'array': {
      if (!Array.isArray(value)) return value;
      let out: unknown[] | null = null;
      value.forEach((item, i) => {
        const next = clipWalk(schema.item!, item, path, places);
        if (next !== item) (out ??= [...value])[i] = next;
      });
      return out ?? value;
    }
    case 'record': {
      if (!isPlain(value)) return value;
      let out: Record<string, unknown> | null = null;
      for (const key of Object.keys(value)) {
        const next = clipWalk(schema.value!, value[key], `${path}.${key}`, places);
        if (next !== value[key]) (out ??= { ...value })[key] = next;
      }
      return out ?? value;
    }
    case 'union': {
      // Only texts are shortened: the union's text option, for a text.
      const option = schema.options!.find((o) => o.type === 'string');
      return option && typeof value === 'string' ? clipWalk(option, value, path, places) : value;
    }
    default:
      return value;
  }
}

export type Fitted<T> =
  { ok: true; value: T; shortened: string[] } | { ok: false; issue: v.BaseIssue<unknown> };

/**
 * Checks `value` against `schema`; when the check fails, shortens the texts the schema lets be
 * shortened and checks again. `value` itself is never changed. `shortened` names each place
 * that was cut (once per text).
 */
export function fitRecord<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
): Fitted<v.InferOutput<S>> {
  const first = v.safeParse(schema, value, { abortEarly: true });
  if (first.success) return { ok: true, value: value as v.InferOutput<S>, shortened: [] };
  const shortened: string[] = [];
  const clipped = clipWalk(schema as unknown as AnySchema, value, '', shortened);
  if (shortened.length === 0) return { ok: false, issue: first.issues[0] };
  const second = v.safeParse(schema, clipped, { abortEarly: true });
  if (!second.success) return { ok: false, issue: second.issues[0] };
  return { ok: true, value: clipped as v.InferOutput<S>, shortened };
}
