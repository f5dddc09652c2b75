/** Step 4's apologies: to whom the plan promises one, sent or not, with a note. */
import { useState } from 'preact/hooks';
import { t } from '../../../core/i18n';
import type { CrisisChange } from '../../../core/model/crisis-change';
import { newId } from '../../../core/model/ids';
import { type Apology, type Crisis } from '../../../core/model/types';
import { formatDateTime } from '../../../ui/format';
import { EditForm } from '../../../ui/edit-form';
import { EditDelete } from './edit-delete';
import { EditableRows } from './editable-rows';
import { LongText } from './long-text';
import { ROW_STYLE } from './row-style';
import { TextField } from './text-field';

function ApologyForm(props: {
  apology: Apology;
  onSave: (a: Apology) => void;
  onCancel: () => void;
}) {
  const [apology, setApology] = useState(props.apology);
  return (
    <EditForm onSubmit={() => props.onSave(apology)} onCancel={props.onCancel}>
      <TextField
        label={t('apologyParty')}
        required
        value={apology.party}
        onInput={(party) => setApology({ ...apology, party })}
      />
      <LongText
        label={t('apologyNote')}
        rows={2}
        value={apology.note}
        onInput={(note) => setApology({ ...apology, note })}
      />
    </EditForm>
  );
}

/** One apology: to whom, sent or not (to mark), its note. */
function ApologyRow(props: {
  apology: Apology;
  onEdit: () => void;
  onChange: (change: CrisisChange) => void;
}) {
  const { apology: a, onChange } = props;
  const sent = (sentAt: string | null) => onChange({ op: 'apology', apology: { ...a, sentAt } });
  return (
    <li class="row" style={ROW_STYLE}>
      <div>
        <strong>{a.party}</strong>{' '}
        <span class="small muted">
          {a.sentAt ? t('apologySentAt', formatDateTime(a.sentAt)) : t('apologyNotSent')}
        </span>
        {a.note && <p class="note small">{a.note}</p>}
      </div>
      <div class="meta">
        {a.sentAt ? (
          <button type="button" class="button link" onClick={() => sent(null)}>
            {t('apologyNotSentAfterAll')}
          </button>
        ) : (
          <button
            type="button"
            class="button primary"
            onClick={() => sent(new Date().toISOString())}
          >
            {t('apologyMarkSent')}
          </button>
        )}
        <EditDelete
          labels={[t('apologyEdit'), t('apologyRemove')]}
          onEdit={props.onEdit}
          onDelete={() => onChange({ op: 'apology-remove', apologyId: a.id })}
        />
      </div>
    </li>
  );
}

/** The apologies the plan promises: to whom, sent or not, with a note. */
export function Apologies(props: { crisis: Crisis; onChange: (change: CrisisChange) => void }) {
  const { onChange } = props;
  return (
    <>
      <h3 class="section">{t('apologiesTitle')}</h3>
      <EditableRows
        testid="apologies"
        items={props.crisis.plan.apologies}
        blank={() => ({ id: newId(), party: '', sentAt: null, note: '' })}
        addLabel={t('apologyAdd')}
        row={(a, edit) => <ApologyRow key={a.id} apology={a} onEdit={edit} onChange={onChange} />}
        form={(a, handlers) => <ApologyForm apology={a} {...handlers} />}
        onSave={(apology) => onChange({ op: 'apology', apology })}
      />
    </>
  );
}
