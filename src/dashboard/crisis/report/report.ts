/**
 * The closing report of a crisis: one document (report-doc.ts) built from the crisis, its
 * journal and its mentions, section by section, and written out as Markdown or shown as a
 * printable page from that same document.
 */
import { t } from '../../../core/i18n';
import { formatDateTime } from '../../../ui/format';
import { mentionsSection, metrics, summary, timeline } from './overview-sections';
import type { ReportDoc, ReportInput } from './report-doc';
import { actions, assessment, containment, informed, lessons } from './step-sections';

/** The report of the crisis in `input`, as of `input.now`. */
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
