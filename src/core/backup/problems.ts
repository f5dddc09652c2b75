/**
 * What can be wrong with a backup file, as data: a code the UI says in the user's language, and
 * a technical detail (where in the file, and what) that it shows as is.
 */
import type * as v from 'valibot';

export type BackupProblemCode =
  /** Not JSON at all, or cut short. */
  | 'not-json'
  /** JSON, but not a Vigie backup. */
  | 'not-backup'
  /** Written by a newer Vigie; `detail` is its format version. */
  | 'newer'
  /** The data does not match its checksum: changed or damaged. */
  | 'checksum'
  /** Larger than Vigie can read in one piece. */
  | 'too-large'
  /** A record or a field is wrong; `detail` names the first one ("mentions[12].capturedAt: …"). */
  | 'invalid';

export interface BackupProblem {
  code: BackupProblemCode;
  detail: string;
}

export const problem = (code: BackupProblemCode, detail = ''): BackupProblem => ({ code, detail });

/** A path in the file as a reader writes it: mentions[12].selectors.quote.exact. */
export function pathText(path: readonly (string | number)[]): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const plain = /^[A-Za-z_$][\w$]*$/.test(key);
      if (!plain) return `[${JSON.stringify(key)}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join('');
}

/** A value as the detail shows it: short, and never the whole of a huge string. */
function shown(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > 40
      ? `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)`
      : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** What valibot found wrong, in words. */
function issueWords(issue: v.BaseIssue<unknown>): string {
  const got = `, got ${shown(issue.input)}`;
  switch (issue.type) {
    case 'strict_object':
    case 'object':
      if (issue.expected === 'never') return 'unexpected field';
      if (issue.received === 'undefined') return 'missing';
      return `expected an object${got}`;
    case 'string':
      return `expected text${got}`;
    case 'number':
      return `expected a number${got}`;
    case 'boolean':
      return `expected true or false${got}`;
    case 'array':
      return `expected a list${got}`;
    case 'null':
      return `expected null${got}`;
    case 'iso_timestamp':
      return `expected an ISO date${got}`;
    case 'integer':
      return `expected a whole number${got}`;
    case 'max_length':
      return typeof issue.input === 'string'
        ? `text too long: at most ${String(issue.requirement)} characters, got ${issue.input.length}`
        : `too many items: at most ${String(issue.requirement)}, got ${issue.received}`;
    case 'min_value':
    case 'max_value':
    case 'gt_value':
      return `expected a number ${issue.expected ?? ''}${got}`;
    case 'regex':
      return `wrong format${got}`;
    case 'picklist':
    case 'literal':
    case 'union':
      return `expected ${issue.expected ?? 'another value'}${got}`;
    default:
      return issue.message;
  }
}

/** The first issue valibot found, with its place in the file before it. */
export function issueText(
  issue: v.BaseIssue<unknown>,
  prefix: readonly (string | number)[],
): string {
  const path = [...prefix, ...(issue.path ?? []).map((item) => item.key as string | number)];
  return `${pathText(path) || '(the file)'}: ${issueWords(issue)}`;
}
