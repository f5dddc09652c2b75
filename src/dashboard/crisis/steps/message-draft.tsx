/**
 * A message being written, in step 3 (to inform) and step 4 (a status update): its kind and
 * language chosen (Vigie suggests the kind), a subject apart from the body, both drafted from
 * the template in the message's language. While the user has not touched the text, it follows
 * the choices; once they have, it stays as they wrote it, and "Start again from the template"
 * says it would not.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../../core/i18n';
import { LIMITS } from '../../../core/model/limits';
import { messageLocale, messageValues } from '../../../core/model/message-values';
import { draftFrom, templateFor } from '../../../core/model/templates';
import {
  MESSAGE_LANGS,
  MESSAGE_VARIANTS,
  type Crisis,
  type MessageLang,
  type MessageVariant,
  type Settings,
  type TemplateKind,
  type TemplateText,
} from '../../../core/model/types';
import { Choice } from '../../../ui/components';
import { LANGUAGE_NAMES } from '../../../ui/format';
import { variantName } from '../../../ui/labels';
import { updateCadenceMs } from '../../../core/model/deadlines';

/** The message language of the crisis: as chosen for it, else the language Vigie is used in. */
export const crisisLang = (crisis: Crisis): MessageLang => crisis.inform.lang ?? uiLanguage();

const same = (a: TemplateText, b: TemplateText) => a.subject === b.subject && a.body === b.body;

export interface Draft {
  text: TemplateText;
  set: (patch: Partial<TemplateText>) => void;
  /** The user changed the text: it no longer follows the template. */
  edited: boolean;
  rewrite: () => void;
}

/** The draft of a `kind` message in `variant` and `lang`, greeting `greeting`. */
export function useDraft(args: {
  kind: TemplateKind;
  crisis: Crisis;
  settings: Settings;
  variant: MessageVariant;
  lang: MessageLang;
  greeting: string;
  /** A draft saved earlier, to start from instead of the template. */
  saved?: TemplateText | null;
}): Draft {
  const { crisis, settings, lang } = args;
  const template = templateFor(settings.templates, args.kind, args.variant, lang);
  const fresh = draftFrom(
    template,
    messageValues({
      crisis,
      lang,
      locale: messageLocale(lang, navigator.language),
      nextUpdate: Date.now() + updateCadenceMs(crisis, settings),
      greetingName: args.greeting,
    }),
  );
  const [text, setText] = useState<TemplateText>(() => args.saved ?? fresh);
  // The template's text when last drafted: a text still equal to it follows the next one.
  const drafted = useRef(fresh);
  const freshKey = `${fresh.subject}\n${fresh.body}`;
  useEffect(() => {
    setText((current) => (same(current, drafted.current) ? fresh : current));
    drafted.current = fresh;
    // Keyed on the text (`fresh` is a new object at each render).
  }, [freshKey]);
  return {
    text,
    set: (patch) => setText((current) => ({ ...current, ...patch })),
    edited: !same(text, fresh),
    rewrite: () => setText(fresh),
  };
}

/** The kind and language pickers, the subject and the body of a draft. */
export function DraftFields(props: {
  id: string;
  draft: Draft;
  variant: MessageVariant;
  suggested: MessageVariant;
  onVariant: (variant: MessageVariant) => void;
  lang: MessageLang;
  onLang: (lang: MessageLang) => void;
  bodyLabel: string;
}) {
  const { draft, id } = props;
  return (
    <div class="draft" data-testid={`${id}-draft`}>
      <div class="meta draft-choices">
        <Choice
          label={t('draftKind')}
          testid={`${id}-variant`}
          value={props.variant}
          options={MESSAGE_VARIANTS.map((variant) => [
            variant,
            variant === props.suggested
              ? t('draftSuggested', variantName(variant))
              : variantName(variant),
          ])}
          onChange={props.onVariant}
        />
        <Choice
          label={t('draftLanguage')}
          testid={`${id}-lang`}
          value={props.lang}
          options={MESSAGE_LANGS.map((lang) => [lang, LANGUAGE_NAMES[lang]])}
          onChange={props.onLang}
        />
      </div>
      <label class="draft-subject">
        {t('draftSubject')}
        <input
          type="text"
          lang={props.lang}
          data-testid={`${id}-subject`}
          maxLength={LIMITS.name}
          value={draft.text.subject}
          onInput={(e) => draft.set({ subject: e.currentTarget.value })}
        />
      </label>
      <textarea
        class="message"
        rows={12}
        lang={props.lang}
        aria-label={props.bodyLabel}
        data-testid={`${id}-body`}
        maxLength={LIMITS.message}
        value={draft.text.body}
        onInput={(e) => draft.set({ body: e.currentTarget.value })}
      />
      {draft.edited && (
        <p class="small muted">
          {t('draftEdited')}{' '}
          <button type="button" class="button link" onClick={draft.rewrite}>
            {t('draftRewrite')}
          </button>
        </p>
      )}
    </div>
  );
}
