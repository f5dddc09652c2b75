/**
 * The settings screen of the crisis log: reaction targets and status update cadence per level,
 * the default containment checklist, the stakeholder directory, the message templates, the
 * backup reminder, and monitoring (its switch, the watchlist, the word rules). Each section is
 * saved on its own, and says so.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, uiLanguage, type MessageKey } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import {
  DEFAULT_TEMPLATES,
  PLACEHOLDERS,
  templateFor,
  type Placeholder,
} from '../../core/model/templates';
import {
  LEVELS,
  MESSAGE_LANGS,
  MESSAGE_VARIANTS,
  type Level,
  type MessageLang,
  type MessageVariant,
  type Settings,
  type TemplateKind,
  type TemplateText,
} from '../../core/model/types';
import { ask } from '../../ui/background';
import { Choice, ErrorMessage, FieldError } from '../../ui/components';
import { LANGUAGE_NAMES, levelName } from '../../ui/format';
import { variantName } from '../../ui/labels';
import {
  ChecklistSection,
  DirectorySection,
  SaveBar,
  SectionDraft,
  useSectionSave,
} from './settings-lists';
import { useUnsavedGuard } from '../../ui/unsaved';
import { MonitoringSwitch, WatchlistSection, WordRulesSection } from './settings-watch';
import { LIMITS } from '../../core/model/limits';

type Saved = (settings: Settings) => void;

/** Hours as typed ("0.5" or, in French, "0,5"); null unless a number above 0. */
function parseHours(text: string): number | null {
  const value = text.trim().replace(',', '.');
  return /^(\d+\.?\d*|\.\d+)$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

/** A number as the UI language writes it: a decimal comma in French. */
const numberText = (n: number) => (uiLanguage() === 'fr' ? String(n).replace('.', ',') : String(n));

/**
 * One section of the screen: its heading, what it is for, then its own form. Typing in it (or
 * any edit its form reports) leaves it holding unsaved edits until it saves or its editor is
 * cancelled (a form's reset), and the page then asks before they are lost.
 */
function Section(props: {
  id: string;
  title: MessageKey;
  help: MessageKey;
  children: ComponentChildren;
}) {
  const [dirty, setDirty] = useState(false);
  useUnsavedGuard(dirty);
  const draft = useMemo(() => ({ edited: () => setDirty(true), saved: () => setDirty(false) }), []);
  // A listener of our own: `onReset` is not wired where the DOM lacks an `onreset` property.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const section = ref.current;
    section?.addEventListener('reset', draft.saved);
    return () => section?.removeEventListener('reset', draft.saved);
  }, [draft]);
  return (
    <section
      ref={ref}
      class="settings-section"
      aria-labelledby={`${props.id}-title`}
      data-unsaved={dirty ? 'true' : undefined}
      onInput={draft.edited}
    >
      <h2 class="section" id={`${props.id}-title`}>
        {t(props.title)}
      </h2>
      <p class="muted small settings-help">{t(props.help)}</p>
      <SectionDraft.Provider value={draft}>{props.children}</SectionDraft.Provider>
    </section>
  );
}

function HoursForm(props: {
  field: 'reactionTargetsHours' | 'updateCadenceHours';
  settings: Settings;
  onSaved: Saved;
}) {
  const { field } = props;
  const [texts, setTexts] = useState(() =>
    LEVELS.map((level) => numberText(props.settings[field][level])),
  );
  const [invalid, setInvalid] = useState<Level[]>([]);
  const { status, error, save, clear } = useSectionSave(props.onSaved);
  const submit = () => {
    const hours = texts.map(parseHours);
    const wrong = LEVELS.filter((_, i) => hours[i] === null);
    setInvalid(wrong);
    if (wrong[0]) return document.getElementById(`${field}-${wrong[0]}`)?.focus();
    const [l1, l2, l3, l4] = hours as number[];
    void save({ [field]: { 1: l1!, 2: l2!, 3: l3!, 4: l4! } });
  };
  return (
    <form
      class="settings-form"
      data-testid={`settings-${field}`}
      onInput={clear}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div class="settings-levels">
        {LEVELS.map((level, i) => {
          const id = `${field}-${level}`;
          const wrong = invalid.includes(level);
          return (
            <div key={level} class="settings-field">
              <label for={id}>{t('settingsLevel', [String(level), levelName(level)])}</label>
              <span class="settings-unit">
                <input
                  type="text"
                  inputMode="decimal"
                  id={id}
                  size={6}
                  aria-invalid={wrong ? 'true' : undefined}
                  aria-describedby={wrong ? `${id}-error ${id}-unit` : `${id}-unit`}
                  value={texts[i]}
                  onInput={(e) => {
                    const value = e.currentTarget.value;
                    setTexts((all) => all.map((text, j) => (j === i ? value : text)));
                  }}
                />
                <span id={`${id}-unit`}>{t('settingsHoursUnit')}</span>
              </span>
              <FieldError id={`${id}-error`} text={wrong ? t('settingsHoursInvalid') : undefined} />
            </div>
          );
        })}
      </div>
      <SaveBar status={status} error={error}>
        <button type="submit" class="button primary" data-testid={`settings-${field}-save`}>
          {t('save')}
        </button>
      </SaveBar>
    </form>
  );
}

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

/**
 * The templates: one shown at a time, picked by message, kind and language; Save keeps every
 * one edited, Restore default brings the one shown back to the built-in text.
 */
function TemplatesForm(props: { settings: Settings; onSaved: Saved }) {
  const saved = props.settings.templates;
  const [texts, setTexts] = useState(() => draftsOf(saved));
  const [kind, setKind] = useState<TemplateKind>('inform');
  const [variant, setVariant] = useState<MessageVariant>('holding');
  const [lang, setLang] = useState<MessageLang>(uiLanguage());
  const { status, error, save, clear } = useSectionSave(props.onSaved);
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
        void submit();
      }}
    >
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
      <div class="template-choices">
        <Choice
          label={t('settingsTemplateMessage')}
          testid="template-kind"
          value={kind}
          options={KINDS.map((k) => [k, t(KIND_KEYS[k])])}
          onChange={setKind}
        />
        <Choice
          label={t('draftKind')}
          testid="template-variant"
          value={variant}
          options={MESSAGE_VARIANTS.map((v) => [v, variantName(v)])}
          onChange={setVariant}
        />
        <Choice
          label={t('draftLanguage')}
          testid="template-lang"
          value={lang}
          options={MESSAGE_LANGS.map((l) => [l, LANGUAGE_NAMES[l]])}
          onChange={setLang}
        />
      </div>
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
          {isDefault ? (
            <span class="small muted">{t('settingsTemplateIsDefault')}</span>
          ) : (
            <button
              type="button"
              class="button link"
              data-testid="template-restore"
              aria-label={t('settingsTemplateRestoreOf', name)}
              onClick={() => void restore()}
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

function BackupForm(props: { settings: Settings; onSaved: Saved }) {
  const [text, setText] = useState(String(props.settings.backupReminderDays));
  const [wrong, setWrong] = useState(false);
  const { status, error, save, clear } = useSectionSave(props.onSaved);
  return (
    <form
      class="settings-form"
      data-testid="settings-backup"
      onInput={clear}
      onSubmit={(e) => {
        e.preventDefault();
        const days = /^\s*\d+\s*$/.test(text) ? Number(text) : 0;
        setWrong(days < 1);
        if (days < 1) return document.getElementById('backup-days')?.focus();
        void save({ backupReminderDays: days });
      }}
    >
      <div class="settings-field">
        <label for="backup-days">{t('settingsBackupDays')}</label>
        <input
          type="text"
          inputMode="numeric"
          id="backup-days"
          size={6}
          aria-invalid={wrong ? 'true' : undefined}
          aria-describedby={wrong ? 'backup-days-error' : undefined}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <FieldError id="backup-days-error" text={wrong ? t('settingsBackupInvalid') : undefined} />
      </div>
      <SaveBar status={status} error={error}>
        <button type="submit" class="button primary" data-testid="settings-backup-save">
          {t('save')}
        </button>
      </SaveBar>
    </form>
  );
}

export function SettingsView() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    void ask('getSettings', {}).then((reply) =>
      reply.ok ? setSettings(reply.value) : setError(reply.error),
    );
  }, []);
  useEffect(() => {
    if (settings || error) document.body.dataset.ready = 'true';
  }, [settings, error]);

  return (
    <>
      <h1>{t('settingsTitle')}</h1>
      <p class="muted">{t('settingsIntro')}</p>
      <ErrorMessage error={error} />
      {!settings && !error && <p class="muted">{t('loading')}</p>}
      {settings && (
        <>
          <Section id="settings-targets" title="settingsTargetsTitle" help="settingsTargetsHelp">
            <HoursForm field="reactionTargetsHours" settings={settings} onSaved={setSettings} />
          </Section>
          <Section id="settings-cadence" title="settingsCadenceTitle" help="settingsCadenceHelp">
            <HoursForm field="updateCadenceHours" settings={settings} onSaved={setSettings} />
          </Section>
          <Section
            id="settings-checklist"
            title="settingsChecklistTitle"
            help="settingsChecklistHelp"
          >
            <ChecklistSection settings={settings} onSaved={setSettings} />
          </Section>
          <Section
            id="settings-directory"
            title="settingsDirectoryTitle"
            help="settingsDirectoryHelp"
          >
            <DirectorySection settings={settings} onSaved={setSettings} />
          </Section>
          <Section
            id="settings-templates"
            title="settingsTemplatesTitle"
            help="settingsTemplatesHelp"
          >
            <TemplatesForm settings={settings} onSaved={setSettings} />
          </Section>
          <Section id="settings-backup" title="settingsBackupTitle" help="settingsBackupHelp">
            <BackupForm settings={settings} onSaved={setSettings} />
          </Section>
          <Section id="settings-monitoring" title="watchMonitoringTitle" help="watchMonitoringHelp">
            <MonitoringSwitch settings={settings} onSaved={setSettings} />
          </Section>
          <Section id="settings-watchlist" title="watchListTitle" help="watchListHelp">
            <WatchlistSection settings={settings} onSaved={setSettings} />
          </Section>
          <Section id="settings-word-rules" title="watchRulesTitle" help="watchRulesHelp">
            <WordRulesSection settings={settings} onSaved={setSettings} />
          </Section>
        </>
      )}
    </>
  );
}
