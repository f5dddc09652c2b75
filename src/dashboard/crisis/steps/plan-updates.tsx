/** Step 4's status updates to the people concerned: when the next is due, its draft, those sent. */
import { t } from '../../../core/i18n';
import type { CrisisChange } from '../../../core/model/crisis-change';
import { suggestVariant } from '../../../core/model/templates';
import { type Crisis, type Settings } from '../../../core/model/types';
import { formatDateTime } from '../../../ui/format';
import { crisisLang, DraftFields, useDraft } from './message-draft';
import { updateDueAt } from '../../../core/model/deadlines';

/**
 * The next status update, in the crisis's message language and kind (as chosen in step 3, and
 * changed here for both), logged as sent with its subject. A new draft after each one logged.
 */
function UpdateComposer(props: {
  crisis: Crisis;
  settings: Settings;
  onChange: (change: CrisisChange) => void;
}) {
  const { crisis, settings, onChange } = props;
  const suggested = suggestVariant(crisis);
  const variant = crisis.inform.variant ?? suggested;
  const lang = crisisLang(crisis);
  const draft = useDraft({ kind: 'update', crisis, settings, variant, lang, greeting: '' });
  return (
    <>
      <DraftFields
        id="update"
        draft={draft}
        variant={variant}
        suggested={suggested}
        onVariant={(next) => onChange({ op: 'inform-options', variant: next })}
        lang={lang}
        onLang={(next) => onChange({ op: 'inform-options', lang: next })}
        bodyLabel={t('updatesTitle')}
      />
      <p>
        <button
          type="button"
          class="button primary"
          onClick={() =>
            onChange({ op: 'update-sent', subject: draft.text.subject, text: draft.text.body })
          }
        >
          {t('updatesLogSent')}
        </button>
      </p>
    </>
  );
}

/** The status updates sent to the people concerned: when the next is due, a composer, the list. */
export function StatusUpdates(props: {
  crisis: Crisis;
  settings: Settings;
  onChange: (change: CrisisChange) => void;
}) {
  const { crisis, settings, onChange } = props;
  const nextUpdate = new Date(updateDueAt(crisis, settings)).toISOString();
  return (
    <>
      <h3 class="section">{t('updatesTitle')}</h3>
      <p class={Date.parse(nextUpdate) < Date.now() ? 'error' : 'muted small'}>
        {t('updatesNextDue', formatDateTime(nextUpdate))}
      </p>
      <UpdateComposer
        key={crisis.plan.updates.length}
        crisis={crisis}
        settings={settings}
        onChange={onChange}
      />
      <ol class="journal" data-testid="updates">
        {crisis.plan.updates.map((u) => (
          <li key={u.id}>
            <time class="small muted" dateTime={u.sentAt}>
              {formatDateTime(u.sentAt)}
            </time>{' '}
            — {u.subject || u.text.split('\n')[0]}
          </li>
        ))}
      </ol>
    </>
  );
}
