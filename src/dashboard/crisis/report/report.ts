/**
 * The closing report of a crisis: one document (sections of paragraphs, lists and tables, every
 * label already in the user's language) built from the crisis, its journal and its mentions,
 * and written out as Markdown or shown as a printable page from that same document.
 */
import { stepProgress } from '../../../core/model/steps';
import { t } from '../../../core/i18n';
import { rankDamages, totalCost } from '../../../core/model/assessment';
import { crisisMetrics, journalLines } from '../../../core/model/journal';
import { mentionLabel } from '../../../core/model/mention';
import type { Repeat } from '../../../core/model/recurrence';
import {
  STEPS,
  type Crisis,
  type CrisisEvent,
  type CrisisStakeholder,
  type Mention,
  type Settings,
} from '../../../core/model/types';
import { formatDuration } from '../../../ui/countdown';
import {
  checklistLabel,
  formatCount,
  formatDateTime,
  formatDay,
  formatMoney,
  LANGUAGE_NAMES,
  levelName,
  stepName,
  stepProgressName,
} from '../../../ui/format';
import { eventText } from '../event-text';
import {
  areaName,
  causeName,
  repeatText,
  roleName,
  statusName,
  variantName,
} from '../../../ui/labels';
import { reactionTargetMs } from '../../../core/model/deadlines';

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

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');
/** A due date, entered as a day: said as that day, with no time. */
const day = (iso: string | null) => (iso ? formatDay(iso) : '—');
const orDash = (text: string) => text.trim() || '—';
const duration = (ms: number | null) => (ms === null ? t('reportNotYet') : formatDuration(ms));

function summary(input: ReportInput): ReportSection {
  const { crisis, mentionTotal } = input;
  const totals = Object.entries(totalCost(crisis.assess.damages))
    .map(([currency, amount]) => formatMoney(amount, currency))
    .join(' + ');
  const rows: [string, string][] = [
    [t('levelLabel'), `${crisis.level} · ${levelName(crisis.level)}`],
    [t('reportDetected'), when(crisis.openedAt)],
    [t('reportClosed'), crisis.state === 'closed' ? when(crisis.closedAt) : t('crisisOpen')],
    [
      t('reportSteps'),
      STEPS.map((step) =>
        t('reportStepState', [stepName(step), stepProgressName(stepProgress(crisis, step))]),
      ).join(' · '),
    ],
    [t('reportMentionCount'), String(mentionTotal)],
    [t('reportDamageCost'), totals || '—'],
  ];
  const blocks: ReportBlock[] = [{ kind: 'fields', rows }];
  if (crisis.learn.whatHappened.trim()) {
    blocks.push({ kind: 'text', text: crisis.learn.whatHappened.trim() });
  }
  return { id: 'summary', title: t('reportSummary'), blocks };
}

function metrics(input: ReportInput): ReportSection {
  const { crisis, events, settings, now } = input;
  const m = crisisMetrics(crisis, events, settings, now);
  const target = formatDuration(reactionTargetMs(crisis, settings));
  const met =
    m.reactTargetMet === null
      ? t('reportNotReactedYet')
      : m.reactTargetMet
        ? t('reportTargetMet')
        : m.reacted
          ? t('reportTargetMissed')
          : t('reportMissedNoReaction');
  return {
    id: 'metrics',
    title: t('reportMetrics'),
    blocks: [
      {
        kind: 'fields',
        rows: [
          [t('reportTimeToReact'), duration(m.timeToReactMs)],
          [t('reportReactTarget', target), met],
          [t('reportTimeToInform'), duration(m.timeToInformMs)],
          [t('reportTimeToResolve'), duration(m.timeToResolveMs)],
        ],
      },
    ],
  };
}

function mentionsSection(input: ReportInput): ReportSection {
  const { mentions, mentionTotal } = input;
  const blocks: ReportBlock[] = mentions.length
    ? [
        {
          kind: 'table',
          dated: true,
          head: [t('reportWhen'), t('reportSite'), t('reportQuote'), t('reportAddress')],
          rows: mentions.map((m) => [when(m.capturedAt), m.site, mentionLabel(m), m.url]),
        },
      ]
    : [{ kind: 'text', text: t('reportNone') }];
  if (mentionTotal > mentions.length) {
    blocks.push({
      kind: 'text',
      text: t('reportMoreMentions', formatCount(mentionTotal - mentions.length)),
    });
  }
  return { id: 'mentions', title: t('crisisMentions'), blocks };
}

function containment(crisis: Crisis): ReportSection {
  const items = crisis.react.checklist;
  return {
    id: 'containment',
    title: t('reportContainment'),
    blocks: items.length
      ? [
          {
            kind: 'table',
            head: [t('reportItem'), t('reportDoneAt')],
            rows: items.map((item) => [
              item.temporary
                ? `${checklistLabel(item)} (${t('reportTemporary')})`
                : checklistLabel(item),
              item.done ? when(item.doneAt) : t('reportNotDone'),
            ]),
          },
        ]
      : [{ kind: 'text', text: t('reportNone') }],
  };
}

function assessment(crisis: Crisis): ReportSection {
  const ranked = rankDamages(crisis.assess.damages);
  const totals = Object.entries(totalCost(ranked))
    .map(([currency, amount]) => formatMoney(amount, currency))
    .join(' + ');
  const blocks: ReportBlock[] = ranked.length
    ? [
        {
          kind: 'ranking',
          head: ['#', t('reportArea'), t('reportDegree'), t('reportCost'), t('reportNote')],
          rows: ranked.map((row, i) => ({
            degree: row.degree,
            cells: [
              String(i + 1),
              row.accepted ? `${areaName(row)} (${t('reportAccepted')})` : areaName(row),
              `${row.degree}/5`,
              row.cost > 0 ? formatMoney(row.cost, row.currency) : '—',
              orDash(row.note),
            ],
          })),
        },
        { kind: 'text', text: t('assessTotal', totals || '—') },
      ]
    : [{ kind: 'text', text: t('reportNone') }];
  return { id: 'assessment', title: t('reportAssessment'), blocks };
}

function informed(crisis: Crisis): ReportSection {
  const people = crisis.inform.stakeholders;
  return {
    id: 'informed',
    title: t('reportInformed'),
    blocks: people.length
      ? [
          {
            kind: 'table',
            head: [t('reportWho'), t('reportRole'), t('reportChannel'), t('reportInformedAt')],
            rows: people.map((p) => [
              p.key ? `${p.name} (${t('reportKey')})` : p.name,
              roleName(p.role),
              [p.channel, p.contact].filter(Boolean).join(' — ') || '—',
              p.informedAt ? when(p.informedAt) : t('reportNotInformed'),
            ]),
          },
          ...sentMessages(people),
        ]
      : [{ kind: 'text', text: t('reportNone') }],
  };
}

/** The message each person was sent, as they received it: kind, language, subject, body. */
function sentMessages(people: readonly CrisisStakeholder[]): ReportBlock[] {
  return people.flatMap((p): ReportBlock[] =>
    p.message && p.informedAt
      ? [
          { kind: 'subheading', text: t('reportMessageTo', [p.name, when(p.informedAt)]) },
          {
            kind: 'fields',
            rows: [
              [t('reportMessageKind'), variantName(p.message.variant)],
              [t('reportMessageLang'), LANGUAGE_NAMES[p.message.lang]],
              [t('reportMessageSubject'), orDash(p.message.subject)],
            ],
          },
          { kind: 'text', text: p.message.body },
        ]
      : [],
  );
}

function actions(crisis: Crisis): ReportSection {
  const { actions: list, apologies, updates } = crisis.plan;
  const repairs = (action: (typeof list)[number]) => {
    const row = crisis.assess.damages.find((d) => d.id === action.damageId);
    const fix = crisis.react.checklist.find((c) => c.id === action.replacesChecklistId);
    const parts = [row && areaName(row), fix && t('reportReplaces', checklistLabel(fix))];
    return parts.filter(Boolean).join(' · ') || '—';
  };
  const blocks: ReportBlock[] = [];
  blocks.push(
    list.length
      ? {
          kind: 'table',
          head: [
            t('reportAction'),
            t('reportRepairs'),
            t('reportOwner'),
            t('reportDue'),
            t('reportStatus'),
          ],
          rows: list.map((a) => [
            a.what,
            repairs(a),
            orDash(a.owner),
            day(a.due),
            statusName(a.status),
          ]),
        }
      : { kind: 'text', text: t('reportNone') },
  );
  return {
    id: 'actions',
    title: t('reportActions'),
    blocks: [
      ...blocks,
      { kind: 'subheading', text: t('reportApologies') },
      apologies.length
        ? {
            kind: 'table',
            head: [t('reportParty'), t('reportSentAt'), t('reportNote')],
            rows: apologies.map((a) => [
              a.party,
              a.sentAt ? when(a.sentAt) : t('reportNotSent'),
              orDash(a.note),
            ]),
          }
        : { kind: 'text', text: t('reportNone') },
      { kind: 'subheading', text: t('reportUpdates') },
      updates.length
        ? {
            kind: 'table',
            dated: true,
            head: [t('reportSentAt'), t('reportMessage')],
            rows: updates.map((u) => [
              when(u.sentAt),
              u.subject ? `${u.subject}\n\n${u.text}` : u.text,
            ]),
          }
        : { kind: 'text', text: t('reportNone') },
    ],
  };
}

function lessons(crisis: Crisis, repeats: readonly Repeat[]): ReportSection {
  const pm = crisis.learn;
  const whys = pm.whys.map((w) => w.trim()).filter(Boolean);
  const blocks: ReportBlock[] = [
    {
      kind: 'fields',
      rows: [
        [t('reportWhatHappened'), orDash(pm.whatHappened)],
        [t('reportDecision'), orDash(pm.decision)],
        [t('reportCircumstances'), orDash(pm.circumstances)],
        [t('reportRootCause'), pm.rootCause ? causeName(pm.rootCause) : '—'],
        [t('reportWatchTerms'), pm.watchTerms.join(', ') || '—'],
      ],
    },
  ];
  if (whys.length) {
    blocks.push(
      { kind: 'subheading', text: t('reportWhys') },
      { kind: 'list', ordered: true, items: whys },
    );
  }
  if (pm.precautions.length) {
    blocks.push({
      kind: 'table',
      head: [t('reportPrecaution'), t('reportOwner'), t('reportDue'), t('reportStatus')],
      rows: pm.precautions.map((p) => [
        p.what,
        orDash(p.owner),
        day(p.due),
        p.done ? statusName('done') : statusName('todo'),
      ]),
    });
  }
  if (repeats.length) {
    blocks.push({
      kind: 'list',
      ordered: false,
      items: repeats.map((r) => repeatText(r)),
    });
  }
  return { id: 'lessons', title: t('reportLessons'), blocks };
}

function timeline(events: readonly CrisisEvent[]): ReportSection {
  return {
    id: 'timeline',
    title: t('reportTimeline'),
    blocks: [
      {
        kind: 'table',
        dated: true,
        head: [t('reportWhen'), t('reportWhat')],
        rows: journalLines(events).map((line) => [when(line.at), eventText(line.event)]),
      },
    ],
  };
}

export function buildReport(input: ReportInput): ReportDoc {
  const { crisis } = input;
  return {
    title: crisis.title,
    subtitle: t('reportSubtitle', formatDateTime(new Date(input.now).toISOString())),
    sections: [
      summary(input),
      metrics(input),
      mentionsSection(input),
      containment(crisis),
      assessment(crisis),
      informed(crisis),
      actions(crisis),
      lessons(crisis, input.repeats),
      timeline(input.events),
    ],
  };
}

/** Text that Markdown shows as typed: its markup characters escaped, on one line in a cell. */
export function markdownText(text: string, inCell = false): string {
  const escaped = text
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    // Only punctuation can be escaped: "1\." is a plain "1.", while "\1." shows its backslash.
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
  return inCell ? escaped.replace(/\s*\r?\n\s*/g, ' ') : escaped;
}

function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => markdownText(c, true) || ' ').join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}

function markdownBlock(block: ReportBlock): string {
  switch (block.kind) {
    case 'text':
      return markdownText(block.text);
    case 'subheading':
      return `### ${markdownText(block.text, true)}`;
    case 'fields':
      return block.rows
        .map(([label, value]) => `- **${markdownText(label, true)}**: ${markdownText(value, true)}`)
        .join('\n');
    case 'list':
      return block.items
        .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${markdownText(item, true)}`)
        .join('\n');
    case 'table':
      return markdownTable(block.head, block.rows);
    case 'ranking':
      return markdownTable(
        block.head,
        block.rows.map((r) => r.cells),
      );
  }
}

/** The report as Markdown (CommonMark with GitHub tables). */
export function reportMarkdown(doc: ReportDoc): string {
  const parts = [`# ${markdownText(doc.title, true)}`, `_${markdownText(doc.subtitle, true)}_`];
  for (const section of doc.sections) {
    parts.push(`## ${markdownText(section.title, true)}`, ...section.blocks.map(markdownBlock));
  }
  return `${parts.join('\n\n')}\n`;
}
