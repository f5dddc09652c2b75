/** Step 4's apologies: to whom the plan promises one, sent or not, with a note. */
import { useState } from 'preact/hooks';
import { t } from '../../../core/i18n';
import type { CrisisChange } from '../../../core/model/crisis-change';
import { newId } from '../../../core/model/ids';
import { type Apology, type Crisis } from '../../../core/model/types';
import { formatDateTime } from '../../../ui/format';
import { EditForm } from '../../../ui/edit-form';

function ApologyForm(props: {
  apology: Apology;
  onSave: (a: Apology) => void;
  onCancel: () => void;
}) {
  const [apology, setApology] = useState(props.apology);
  return (
    <EditForm onSubmit={() => props.onSave(apology)} onCancel={props.onCancel}>
      <label>
        {t('apologyParty')}
        <input
          type="text"
          required
          value={apology.party}
          onInput={(e) => setApology({ ...apology, party: e.currentTarget.value })}
        />
      </label>
      <label class="wide">
        {t('apologyNote')}
        <textarea
          rows={2}
          value={apology.note}
          onInput={(e) => setApology({ ...apology, note: e.currentTarget.value })}
        />
      </label>
    </EditForm>
  );
}

/** The apologies the plan promises: to whom, sent or not, with a note. */
export function Apologies(props: { crisis: Crisis; onChange: (change: CrisisChange) => void }) {
  const { crisis, onChange } = props;
  const [apologyEditing, setApologyEditing] = useState<Apology | null>(null);
  return (
    <>
      <h3 class="section">{t('apologiesTitle')}</h3>
      <ul class="rows" data-testid="apologies">
        {crisis.plan.apologies.map((a) =>
          apologyEditing?.id === a.id ? (
            <li key={a.id}>
              <ApologyForm
                apology={apologyEditing}
                onCancel={() => setApologyEditing(null)}
                onSave={(apology) => {
                  onChange({ op: 'apology', apology });
                  setApologyEditing(null);
                }}
              />
            </li>
          ) : (
            <li key={a.id} class="row" style={{ gridTemplateColumns: '1fr auto' }}>
              <div>
                <strong>{a.party}</strong>{' '}
                <span class="small muted">
                  {a.sentAt ? t('apologySentAt', formatDateTime(a.sentAt)) : t('apologyNotSent')}
                </span>
                {a.note && <p class="note small">{a.note}</p>}
              </div>
              <div class="meta">
                {a.sentAt ? (
                  <button
                    type="button"
                    class="button link"
                    onClick={() => onChange({ op: 'apology', apology: { ...a, sentAt: null } })}
                  >
                    {t('apologyNotSentAfterAll')}
                  </button>
                ) : (
                  <button
                    type="button"
                    class="button primary"
                    onClick={() =>
                      onChange({
                        op: 'apology',
                        apology: { ...a, sentAt: new Date().toISOString() },
                      })
                    }
                  >
                    {t('apologyMarkSent')}
                  </button>
                )}
                <button type="button" class="button link" onClick={() => setApologyEditing(a)}>
                  {t('apologyEdit')}
                </button>
                <button
                  type="button"
                  class="button link"
                  onClick={() => onChange({ op: 'apology-remove', apologyId: a.id })}
                >
                  {t('apologyRemove')}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {apologyEditing && !crisis.plan.apologies.some((a) => a.id === apologyEditing.id) ? (
        <ApologyForm
          apology={apologyEditing}
          onCancel={() => setApologyEditing(null)}
          onSave={(apology) => {
            onChange({ op: 'apology', apology });
            setApologyEditing(null);
          }}
        />
      ) : (
        <p>
          <button
            type="button"
            class="button"
            onClick={() => setApologyEditing({ id: newId(), party: '', sentAt: null, note: '' })}
          >
            {t('apologyAdd')}
          </button>
        </p>
      )}
    </>
  );
}
