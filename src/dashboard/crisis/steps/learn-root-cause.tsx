/** The post-mortem's root cause: one of the preset categories, or the user's own words. */
import { useState } from 'preact/hooks';
import { t } from '../../../core/i18n';
import { ROOT_CAUSES } from '../../../core/model/types';
import { causeName, isPresetCause } from '../../../ui/labels';
import { TextField } from './text-field';

/** A cause of the user's own opens the field to write it in; it starts open when one is saved. */
export function RootCauseFields(props: { cause: string; onCause: (cause: string) => void }) {
  const [custom, setCustom] = useState(() => !isPresetCause(props.cause) && props.cause !== '');
  return (
    <>
      <label>
        {t('learnRootCause')}
        <select
          value={custom ? 'custom' : props.cause}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setCustom(value === 'custom');
            props.onCause(value === 'custom' ? '' : value);
          }}
        >
          <option value="">—</option>
          {ROOT_CAUSES.map((cause) => (
            <option key={cause} value={cause}>
              {causeName(cause)}
            </option>
          ))}
          <option value="custom">{t('causeCustom')}</option>
        </select>
      </label>
      {custom && (
        <TextField label={t('learnRootCauseCustom')} value={props.cause} onInput={props.onCause} />
      )}
    </>
  );
}
