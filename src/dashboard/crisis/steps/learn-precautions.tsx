/** The post-mortem's precautions: what will keep it from happening again, who sees to it, when. */
import { t } from '../../../core/i18n';
import { newId } from '../../../core/model/ids';
import type { Precaution } from '../../../core/model/types';
import { DueField } from './due-field';
import { TextField } from './text-field';

export function Precautions(props: {
  precautions: Precaution[];
  onChange: (precautions: Precaution[]) => void;
}) {
  const { precautions } = props;
  const update = (i: number, patch: Partial<Precaution>) =>
    props.onChange(precautions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <fieldset class="wide">
      <legend>{t('learnPrecautions')}</legend>
      {precautions.map((p, i) => (
        <div class="meta" key={p.id}>
          <TextField
            label={t('actionWhat')}
            value={p.what}
            onInput={(what) => update(i, { what })}
          />
          <TextField
            label={t('actionOwner')}
            value={p.owner}
            onInput={(owner) => update(i, { owner })}
          />
          <DueField due={p.due} onDue={(due) => update(i, { due })} />
        </div>
      ))}
      <button
        type="button"
        class="button"
        onClick={() =>
          props.onChange([
            ...precautions,
            { id: newId(), what: '', owner: '', due: null, done: false },
          ])
        }
      >
        {t('learnAddPrecaution')}
      </button>
    </fieldset>
  );
}
