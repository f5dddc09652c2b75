/**
 * The settings screen of the crisis log: reaction targets and status update cadence per level,
 * the default containment checklist, the stakeholder directory, the message templates, the
 * backup reminder, monitoring (its switch, the watchlist, the word rules) and the team cell.
 * Each section is saved on its own, and says so.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, uiLanguage, type MessageKey } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { LEVELS, type Level, type Settings } from '../../core/model/types';
import { ask } from '../../ui/background';
import { ErrorMessage, FieldError } from '../../ui/components';
import { levelName } from '../../ui/format';
import { CellSection } from './cell-section';
import { ChecklistSection } from './checklist-section';
import { DirectorySection } from './directory-section';
import { SaveBar, SectionDraft, useSectionSave, type Saved } from './section-form';
import { useUnsavedGuard } from '../../ui/unsaved';
import { MonitoringSwitch } from './monitoring-switch';
import './settings-watch.css';
import { WatchlistSection } from './watchlist-section';
import { WordRulesSection } from './word-rules-section';
import { TemplatesForm } from './templates-form';

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
          <Section id="settings-cell" title="settingsCellTitle" help="settingsCellHelp">
            <CellSection />
          </Section>
        </>
      )}
    </>
  );
}
