/**
 * The report's sections of the five steps' work: containment, the assessment, who was informed
 * (and with which message), the plan's actions, apologies and updates, and the lessons learnt.
 */
import { t } from '../../../core/i18n';
import { rankDamages } from '../../../core/model/assessment';
import type { Repeat } from '../../../core/model/recurrence';
import type { Crisis, CrisisStakeholder } from '../../../core/model/types';
import { checklistLabel, formatMoney, LANGUAGE_NAMES } from '../../../ui/format';
import {
  areaName,
  causeName,
  repeatText,
  roleName,
  statusName,
  variantName,
} from '../../../ui/labels';
import { costText, day, none, orDash, when } from './report-cells';
import type { ReportBlock, ReportSection } from './report-doc';

/** Step 1's checklist: each item, temporary or not, and when it was done. */
export function containment(crisis: Crisis): ReportSection {
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
      : [none()],
  };
}

/** Step 2's damage, worst first, with the total cost. */
export function assessment(crisis: Crisis): ReportSection {
  const ranked = rankDamages(crisis.assess.damages);
  const totals = costText(ranked);
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
    : [none()];
  return { id: 'assessment', title: t('reportAssessment'), blocks };
}

/** Step 3's people: who they are, how they were reached and when informed, then their messages. */
export function informed(crisis: Crisis): ReportSection {
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
      : [none()],
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

/** Step 4's plan: its actions and what each repairs, the apologies, the updates sent. */
export function actions(crisis: Crisis): ReportSection {
  const { actions: list, apologies, updates } = crisis.plan;
  const repairs = (action: (typeof list)[number]) => {
    const row = crisis.assess.damages.find((d) => d.id === action.damageId);
    const fix = crisis.react.checklist.find((c) => c.id === action.replacesChecklistId);
    const parts = [row && areaName(row), fix && t('reportReplaces', checklistLabel(fix))];
    return parts.filter(Boolean).join(' · ') || '—';
  };
  return {
    id: 'actions',
    title: t('reportActions'),
    blocks: [
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
        : none(),
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
        : none(),
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
        : none(),
    ],
  };
}

/** Step 5's post-mortem: the lessons, the chain of whys, the precautions and earlier crises alike. */
export function lessons(crisis: Crisis, repeats: readonly Repeat[]): ReportSection {
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
