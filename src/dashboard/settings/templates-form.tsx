/**
 * The settings' message templates: for each kind (inform, update), variant and language, the
 * user's own text or the built-in one to start from, with the placeholders it may use.
 */
import { useState } from 'preact/hooks';
import { t, uiLanguage, type MessageKey } from '../../core/i18n';
import { DEFAULT_TEMPLATES } from '../../core/model/default-templates';
import { PLACEHOLDERS, templateFor, type Placeholder } from '../../core/model/templates';
import {
  MESSAGE_LANGS,
  MESSAGE_VARIANTS,
  type MessageLang,
  type MessageVariant,
  type Settings,
  type TemplateKind,
  type TemplateText,
} from '../../core/model/types';
import { Choice } from '../../ui/components';
import { LANGUAGE_NAMES } from '../../ui/format';
import { variantName } from '../../ui/labels';
import { SaveBar, useSectionSave, type Saved } from './section-form';
import { LIMITS } from '../../core/model/limits';

type Templates = Settings['templates'];
const KINDS: TemplateKind[] = ['inform', 'update'];
const KIND_KEYS: Record<TemplateKind, MessageKey> = {
  inform: 'settingsTemplateInform',
  update: 'settingsTemplateUpdate',
};
const PLACEHOLDER_KEYS: Record<Placeholder, MessageKey> = {
  crisis: 'settingsPlaceholderCrisis',
  summary: 'settingsPlaceholderSummary',
  areas: 'settingsPlaceholderAreas',
  cost: 'settingsPlaceholderCost',
  level: 'settingsPlaceholderLevel',
  detected: 'settingsPlaceholderDetected',
  nextUpdate: 'settingsPlaceholderNextUpdate',
  greeting: 'settingsPlaceholderGreeting',
};

/** Every template, as `each` makes it from its kind, variant and language. */
function mapTemplates(
  each: (kind: TemplateKind, variant: MessageVariant, lang: MessageLang) => TemplateText,
): Templates {
  const variants = (kind: TemplateKind) =>
    Object.fromEntries(
      MESSAGE_VARIANTS.map((variant) => [
        variant,
        Object.fromEntries(MESSAGE_LANGS.map((lang) => [lang, each(kind, variant, lang)])),
      ]),
    ) as Templates[TemplateKind];
  return { inform: variants('inform'), update: variants('update') };
}

/** The texts the user edits: their own, or the built-in ones to start from. */
const draftsOf = (templates: Templates): Templates =>
  mapTemplates((kind, variant, lang) => templateFor(templates, kind, variant, lang));

/** Stored as typed, or empty (the built-in one, kept up to date) where it is the built-in text. */
const storedOf = (drafts: Templates): Templates =>
  mapTemplates((kind, variant, lang) => {
    const text = drafts[kind][variant][lang];
    const builtIn = DEFAULT_TEMPLATES[kind][variant][lang];
    return {
      subject: text.subject.trim() === builtIn.subject ? '' : text.subject.trim(),
      body: text.body.trim() === builtIn.body.trim() ? '' : text.body,
    };
  });

/** The placeholders a template may use, each with what it stands for. */
function Placeholders() {
  return (
    <dl class="settings-placeholders small">
      {PLACEHOLDERS.map((code) => (
        <div key={code}>
          <dt>
            <code>{`{${code}}`}</code>
          </dt>
          <dd>{t(PLACEHOLDER_KEYS[code])}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The drafts of every template and the one shown (by kind, variant and language): edited,
 * restored to the built-in text, or saved.
 */
function useTemplateDrafts(saved: Templates, save: ReturnType<typeof useSectionSave>['save']) {
  const [texts, setTexts] = useState(() => draftsOf(saved));
  const [kind, setKind] = useState<TemplateKind>('inform');
  const [variant, setVariant] = useState<MessageVariant>('holding');
  const [lang, setLang] = useState<MessageLang>(uiLanguage());
  const text = texts[kind][variant][lang];
  const own = saved[kind][variant][lang];
  const isDefault =
    !own.subject &&
    !own.body &&
    text.subject === DEFAULT_TEMPLATES[kind][variant][lang].subject &&
    text.body === DEFAULT_TEMPLATES[kind][variant][lang].body;
  const set = (patch: Partial<TemplateText>) =>
    setTexts((all) => {
      const next = structuredClone(all);
      next[kind][variant][lang] = { ...text, ...patch };
      return next;
    });
  const restore = async () => {
    // Only this template: the others keep what is stored, and their drafts stay as they are.
    const patch = structuredClone(saved);
    patch[kind][variant][lang] = { subject: '', body: '' };
    if (await save({ templates: patch }, t('settingsTemplateRestored'))) {
      const builtIn = DEFAULT_TEMPLATES[kind][variant][lang];
      setTexts((all) => {
        const next = structuredClone(all);
        next[kind][variant][lang] = { ...builtIn };
        return next;
      });
    }
  };
  const submit = async () => {
    const next = storedOf(texts);
    // A template emptied is the built-in one again: show it, to edit from.
    if (await save({ templates: next })) setTexts(draftsOf(next));
  };
  return {
    kind,
    setKind,
    variant,
    setVariant,
    lang,
    setLang,
    text,
    isDefault,
    set,
    restore,
    submit,
  };
}

/** Which template is shown: its message, its kind and its language. */
function TemplateChoices({ drafts: d }: { drafts: ReturnType<typeof useTemplateDrafts> }) {
  return (
    <div class="template-choices">
      <Choice
        label={t('settingsTemplateMessage')}
        testid="template-kind"
        value={d.kind}
        options={KINDS.map((k) => [k, t(KIND_KEYS[k])])}
        onChange={d.setKind}
      />
      <Choice
        label={t('draftKind')}
        testid="template-variant"
        value={d.variant}
        options={MESSAGE_VARIANTS.map((v) => [v, variantName(v)])}
        onChange={d.setVariant}
      />
      <Choice
        label={t('draftLanguage')}
        testid="template-lang"
        value={d.lang}
        options={MESSAGE_LANGS.map((l) => [l, LANGUAGE_NAMES[l]])}
        onChange={d.setLang}
      />
    </div>
  );
}

/**
 * The templates: one shown at a time, picked by message, kind and language; Save keeps every
 * one edited, Restore default brings the one shown back to the built-in text.
 */
export function TemplatesForm(props: { settings: Settings; onSaved: Saved }) {
  const { status, error, save, clear } = useSectionSave(props.onSaved);
  const drafts = useTemplateDrafts(props.settings.templates, save);
  const { kind, variant, lang, text, set } = drafts;
  const name = t('settingsTemplateField', [
    t(KIND_KEYS[kind]),
    variantName(variant),
    LANGUAGE_NAMES[lang],
  ]);
  return (
    <form
      class="settings-form"
      data-testid="settings-templates"
      onInput={clear}
      onSubmit={(e) => {
        e.preventDefault();
        void drafts.submit();
      }}
    >
      <Placeholders />
      <TemplateChoices drafts={drafts} />
      <div class="settings-field template-subject">
        <label for="template-subject">{t('settingsTemplateSubject', name)}</label>
        <input
          type="text"
          id="template-subject"
          lang={lang}
          data-testid="template-subject"
          maxLength={LIMITS.name}
          value={text.subject}
          onInput={(e) => set({ subject: e.currentTarget.value })}
        />
      </div>
      <div class="settings-field">
        <label for="template-body">{t('settingsTemplateBody', name)}</label>
        <textarea
          id="template-body"
          class="message"
          rows={11}
          lang={lang}
          data-testid="template-body"
          maxLength={LIMITS.message}
          value={text.body}
          onInput={(e) => set({ body: e.currentTarget.value })}
        />
        <span class="settings-template-state">
          {drafts.isDefault ? (
            <span class="small muted">{t('settingsTemplateIsDefault')}</span>
          ) : (
            <button
              type="button"
              class="button link"
              data-testid="template-restore"
              aria-label={t('settingsTemplateRestoreOf', name)}
              onClick={() => void drafts.restore()}
            >
              {t('settingsTemplateRestore')}
            </button>
          )}
        </span>
      </div>
      <SaveBar status={status} error={error}>
        <button type="submit" class="button primary" data-testid="settings-templates-save">
          {t('save')}
        </button>
      </SaveBar>
    </form>
  );
}
