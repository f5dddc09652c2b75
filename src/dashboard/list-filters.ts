/**
 * The crisis log's lists read their search and filters from the route's query
 * (`#all?q=refund&tone=negative&from=2026-11-01`): these functions turn that query into the
 * scope and filter the background understands. Anything malformed in it is ignored.
 */
import type { CrisisFilter, MentionFilter, MentionScope } from '../core/messaging/protocol';
import { LEVELS, STEPS, TONES, type Level, type StepId, type Tone } from '../core/model/types';
import type { RouteParams } from '../ui/use-hash-route';

/** The query parameters of a mention list. */
export const MENTION_PARAMS = ['q', 'tone', 'site', 'tag', 'crisis', 'from', 'to', 'sort'] as const;
/** The query parameters of the crisis list. */
export const CRISIS_PARAMS = ['q', 'state', 'level', 'step', 'sort'] as const;

/** Whether any of `keys` narrows the list (sorting alone does not). */
export function isFiltered(params: RouteParams, keys: readonly string[]): boolean {
  return keys.some((key) => key !== 'sort' && Boolean(params[key]));
}

/** The instant a local calendar day (YYYY-MM-DD) starts at, `days` later; undefined if malformed. */
export function dayStart(day: string | undefined, days = 0): string | undefined {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The scope and filter a mention list asks for. In the list of all mentions, the `crisis`
 * parameter narrows the scope to the inbox or one crisis; elsewhere the scope is the list's own.
 */
export function mentionQuery(
  scope: MentionScope,
  params: RouteParams,
): { scope: MentionScope; filter: MentionFilter } {
  const filter: MentionFilter = {};
  const q = params.q?.trim();
  if (q) filter.q = q;
  if (TONES.includes(params.tone as Tone)) filter.tone = params.tone as Tone;
  if (params.site?.trim()) filter.site = params.site.trim();
  if (params.tag?.trim()) filter.tag = params.tag.trim();
  const from = dayStart(params.from);
  // "To" names the last day wanted: the window ends when the next day starts.
  const to = dayStart(params.to, 1);
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (params.sort === 'oldest') filter.sort = 'oldest';
  const crisis = params.crisis;
  if (scope.in !== 'all' || !crisis) return { scope, filter };
  return {
    scope: crisis === 'inbox' ? { in: 'inbox' } : { in: 'crisis', crisisId: crisis },
    filter,
  };
}

/** The state and filter the crisis list asks for. */
export function crisisQuery(params: RouteParams): {
  state: 'open' | 'closed' | 'all';
  filter: CrisisFilter;
} {
  const filter: CrisisFilter = {};
  const q = params.q?.trim();
  if (q) filter.q = q;
  const level = Number(params.level);
  if (LEVELS.includes(level as Level)) filter.level = level as Level;
  if (STEPS.includes(params.step as StepId)) filter.step = params.step as StepId;
  if (params.sort === 'oldest') filter.sort = 'oldest';
  const state = params.state === 'open' || params.state === 'closed' ? params.state : 'all';
  return { state, filter };
}
