/**
 * How the report writes a time, a due day, an empty value and a cost in its cells and fields,
 * and a part that has nothing to show.
 */
import { t } from '../../../core/i18n';
import { totalCost } from '../../../core/model/assessment';
import type { DamageRow } from '../../../core/model/types';
import { formatDateTime, formatDay, formatMoney } from '../../../ui/format';
import type { ReportBlock } from './report-doc';

/** A time, or a dash when there is none. */
export const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');
/** A due date, entered as a day: said as that day, with no time. */
export const day = (iso: string | null) => (iso ? formatDay(iso) : '—');
/** The text, or a dash when it is blank. */
export const orDash = (text: string) => text.trim() || '—';
/** The cost of `rows`, per currency in the order the rows give them, or '' when none. */
export const costText = (rows: readonly DamageRow[]) =>
  Object.entries(totalCost(rows))
    .map(([currency, amount]) => formatMoney(amount, currency))
    .join(' + ');

/** The block of a part with nothing in it: "None". */
export const none = (): ReportBlock => ({ kind: 'text', text: t('reportNone') });
