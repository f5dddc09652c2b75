/** The log's overview: the counts the navigation and the badge show, today's agenda, the charts. */
import { backupDue } from '../backup-reminder';
import { allCrises, countOpenCrises } from '../../core/db/crises';
import { mentionCounts } from '../../core/db/mentions';
import { getSettings } from '../../core/db/settings';
import { flagsSince, metricEvents } from '../../core/db/stats';
import { crisesPerMonth, flagsPerDay, metricsByLevel } from '../../core/model/stats';
import { countFeedSightings } from '../../core/db/feeds';
import { AppError } from '../../core/errors';
import { agenda, agendaBucket } from '../../core/model/agenda';
import { DAY } from '../../core/time';
import { cellStatus } from '../cell';
import type { Calls } from './args';
import type { HandlerDeps } from '../deps';

export function createOverviewCalls(
  deps: HandlerDeps,
): Calls<'getCounts' | 'getAgenda' | 'getCharts'> {
  const { db } = deps;
  return {
    async getCounts() {
      const now = deps.now().getTime();
      const [counts, openCrises, backupDueDays, crises, settings, cell, feeds] = await Promise.all([
        mentionCounts(db),
        countOpenCrises(db),
        backupDue(db, now),
        allCrises(db),
        getSettings(db),
        cellStatus(db),
        countFeedSightings(db, 'new'),
      ]);
      const buckets = agenda(crises, settings).map((item) => agendaBucket(item, now));
      const overdue = buckets.filter((b) => b === 'overdue').length;
      const due = overdue + buckets.filter((b) => b === 'today').length;
      return { ...counts, openCrises, due, overdue, backupDueDays, cell, feeds };
    },

    async getAgenda() {
      const [crises, settings] = await Promise.all([allCrises(db), getSettings(db)]);
      return { items: agenda(crises, settings) };
    },

    async getCharts({ days }) {
      if (!Number.isInteger(days) || days < 1 || days > 366) {
        throw new AppError('bad-request', 'days must be a whole number from 1 to 366');
      }
      const now = deps.now().getTime();
      const from = now - (days - 1) * DAY;
      const [flags, crises, events, settings] = await Promise.all([
        flagsSince(db, new Date(from).toISOString().slice(0, 10)),
        allCrises(db),
        metricEvents(db, ['checklist-done', 'step-done', 'stakeholder-informed', 'closed']),
        getSettings(db),
      ]);
      return {
        perDay: flagsPerDay(flags, from, now),
        perMonth: crisesPerMonth(crises, now),
        byLevel: metricsByLevel(crises, (id) => events.get(id) ?? [], settings, now),
      };
    },
  };
}
