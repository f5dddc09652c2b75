/**
 * What an import does besides adding and updating records (same quotes merged, mentions sent
 * to the inbox, other captures kept, texts shortened, settings), as previewed and once done.
 */
import type { ImportSummary, Shortened } from '../../core/backup/format';
import { t } from '../../core/i18n';
import { formatCount } from '../../ui/format';

/** "mentions.pageTitle (2), crises.title (1)": where texts were shortened, most first. */
function shortenedPlaces(shortened: Shortened): string {
  return Object.entries(shortened)
    .sort((a, b) => b[1] - a[1])
    .map(([place, n]) => `${place} (${formatCount(n)})`)
    .join(', ');
}

export function PreviewNotes({
  summary,
  shortened,
}: {
  summary: ImportSummary;
  shortened: Shortened;
}) {
  const cut = Object.values(shortened).reduce((a, b) => a + b, 0);
  const settings =
    summary.settings === 'taken'
      ? t('backupSettingsTaken')
      : summary.settings === 'kept'
        ? t('backupSettingsKept')
        : t('backupSettingsMerged', String(summary.settingsAdded));
  return (
    <ul class="backup-notes small">
      {summary.sameQuote > 0 && <li>{t('backupSameQuote', String(summary.sameQuote))}</li>}
      {summary.toInbox > 0 && <li>{t('backupToInbox', String(summary.toInbox))}</li>}
      {summary.otherCapture > 0 && (
        <li data-testid="backup-other-capture">
          {t('backupOtherCapture', formatCount(summary.otherCapture))}
        </li>
      )}
      {cut > 0 && (
        <li data-testid="backup-shortened">
          {t('backupShortened', [formatCount(cut), shortenedPlaces(shortened)])}
        </li>
      )}
      <li>{settings}</li>
    </ul>
  );
}
