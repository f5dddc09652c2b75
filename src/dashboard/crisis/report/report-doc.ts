/**
 * The closing report as a document: sections of paragraphs, lists and tables, every label
 * already in the user's language, from which both the Markdown and the printable page are
 * written; and what it is built from.
 */
import type { Repeat } from '../../../core/model/recurrence';
import type { Crisis, CrisisEvent, Mention, Settings } from '../../../core/model/types';

/** One block of a section. */
export type ReportBlock =
  | { kind: 'text'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'fields'; rows: [label: string, value: string][] }
  | { kind: 'list'; ordered: boolean; items: string[] }
  /** `dated`: the first column holds dates, kept on one line. */
  | { kind: 'table'; head: string[]; rows: string[][]; dated?: boolean }
  /** The assessment ranking: a table that the page also draws as bars (degree 1–5). */
  | { kind: 'ranking'; head: string[]; rows: { degree: number; cells: string[] }[] };

export interface ReportSection {
  id: string;
  title: string;
  blocks: ReportBlock[];
}

export interface ReportDoc {
  title: string;
  /** "Crisis report — generated 25 Nov 2026, 10:12" */
  subtitle: string;
  sections: ReportSection[];
}

export interface ReportInput {
  crisis: Crisis;
  events: readonly CrisisEvent[];
  /** The crisis's mentions, newest first (at most `mentionTotal`). */
  mentions: readonly Mention[];
  mentionTotal: number;
  repeats: readonly Repeat[];
  settings: Settings;
  now: number;
}
