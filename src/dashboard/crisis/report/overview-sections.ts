/**
 * The report's sections about the crisis as a whole: its summary, its metrics, its mentions and
 * the timeline of its journal.
 */
import { t } from '../../../core/i18n';
import { reactionTargetMs } from '../../../core/model/deadlines';
import { crisisMetrics, journalLines } from '../../../core/model/journal';
import { mentionLabel } from '../../../core/model/mention';
import { stepProgress } from '../../../core/model/steps';
import { STEPS, type CrisisEvent } from '../../../core/model/types';
import { formatDuration } from '../../../ui/countdown';
import { formatCount, levelText, stepName, stepProgressName } from '../../../ui/format';
import { eventTextBy } from '../event-text';
import { costText, none, when } from './report-cells';
import type { ReportBlock, ReportInput, ReportSection } from './report-doc';

const duration = (ms: number | null) => (ms === null ? t('reportNotYet') : formatDuration(ms));

/** The summary: level, dates, steps, mentions and cost, then what happened in the user's words. */
export function summary(input: ReportInput): ReportSection {
  const { crisis, mentionTotal } = input;
  const totals = costText(crisis.assess.damages);
  const rows: [string, string][] = [
    [t('levelLabel'), levelText(crisis.level)],
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

/** The times to react, inform and resolve, from the journal, and whether the reaction target was met. */
export function metrics(input: ReportInput): ReportSection {
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

/** The crisis's mentions, newest first, with how many more there are than listed. */
export function mentionsSection(input: ReportInput): ReportSection {
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
    : [none()];
  if (mentionTotal > mentions.length) {
    blocks.push({
      kind: 'text',
      text: t('reportMoreMentions', formatCount(mentionTotal - mentions.length)),
    });
  }
  return { id: 'mentions', title: t('crisisMentions'), blocks };
}

/** The journal, line by line, in the user's language. */
export function timeline(events: readonly CrisisEvent[]): ReportSection {
  return {
    id: 'timeline',
    title: t('reportTimeline'),
    blocks: [
      {
        kind: 'table',
        dated: true,
        head: [t('reportWhen'), t('reportWhat')],
        rows: journalLines(events).map((line) => [when(line.at), eventTextBy(line.event)]),
      },
    ],
  };
}
