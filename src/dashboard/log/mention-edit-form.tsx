/** The form that edits what the user may change of a mention: note, tags, tone, reach. */
import { useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import type { MentionPatch } from '../../core/messaging/protocol';
import { LIMITS } from '../../core/model/limits';
import { REACHES, TONES, type Mention, type Reach, type Tone } from '../../core/model/types';
import { EditForm } from '../../ui/edit-form';
import { reachName, toneName } from '../../ui/format';

export function MentionEditForm(props: {
  mention: Mention;
  onSave: (patch: MentionPatch) => void;
  onCancel: () => void;
}) {
  const { mention } = props;
  const [note, setNote] = useState(mention.note);
  const [tags, setTags] = useState(mention.tags.join(', '));
  const [tone, setTone] = useState<Tone>(mention.tone);
  const [reach, setReach] = useState<Reach>(mention.reach);
  return (
    <EditForm
      onSubmit={() => props.onSave({ note, tags: tags.split(','), tone, reach })}
      onCancel={props.onCancel}
      submitTestId="log-mention-save"
    >
      <label class="wide">
        {t('logNote')}
        <textarea
          rows={3}
          maxLength={LIMITS.note}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('logTags')}
        <input type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <label>
        {t('logTone')}
        <select value={tone} onChange={(e) => setTone(e.currentTarget.value as Tone)}>
          {TONES.map((value) => (
            <option key={value} value={value}>
              {toneName(value)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('logReach')}
        <select value={reach} onChange={(e) => setReach(e.currentTarget.value as Reach)}>
          {REACHES.map((value) => (
            <option key={value} value={value}>
              {reachName(value)}
            </option>
          ))}
        </select>
      </label>
    </EditForm>
  );
}
