/**
 * The settings screen's monitoring sections: the switch that turns monitoring on and off (and
 * asks the browser for access to pages on the user's click), the watchlist editor (terms with
 * their aliases) and the editor of the user's own word rules for the negativity score.
 */
import { useRef, useState } from 'preact/hooks';
import { browser } from '../../core/browser';
import { t, type MessageKey } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { foldSameLength as fold } from '../../core/text/fold';
import { newId } from '../../core/model/ids';
import type { Settings, WatchTerm, WordRule } from '../../core/model/types';
import { ask } from '../../ui/background';
import { EditForm } from '../../ui/edit-form';
import { FieldError } from '../../ui/components';
import { SaveBar, useSectionSave, type Saved } from './settings-lists';
import './settings-watch.css';
import { LIMITS } from '../../core/model/limits';

/** The access monitoring needs: every page the user opens. */
const ALL_PAGES = { origins: ['<all_urls>'] };

/** How long the browser may take to answer before the switch says it waits for the user. */
const ASKING_SAID_AFTER_MS = 400;

export function MonitoringSwitch(props: { settings: Settings; onSaved: Saved }) {
  const on = props.settings.monitoring;
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);

  const apply = async (wanted: boolean) => {
    const reply = await ask('setMonitoring', { on: wanted });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    props.onSaved(reply.value.settings);
    setStatus(
      !reply.value.granted
        ? t('watchMonitoringRefused')
        : wanted
          ? t('watchMonitoringTurnedOn')
          : t('watchMonitoringTurnedOff'),
    );
  };

  const toggle = () => {
    setStatus('');
    setError(null);
    setBusy(true);
    if (on) {
      void apply(false);
      return;
    }
    // Asked on the click itself, before anything is awaited: browsers ask the user only
    // during a gesture. A refusal leaves monitoring off, and says so. The switch waits for the
    // answer; past a moment (the access already granted answers at once), it says so, for a
    // prompt the user may not have seen.
    const waiting = setTimeout(() => setStatus(t('watchMonitoringAsking')), ASKING_SAID_AFTER_MS);
    const refused = () => {
      clearTimeout(waiting);
      setBusy(false);
      setStatus(t('watchMonitoringRefused'));
    };
    browser.permissions.request(ALL_PAGES).then((granted) => {
      clearTimeout(waiting);
      return granted ? apply(true) : refused();
    }, refused);
  };

  return (
    <div class="settings-form" data-testid="settings-monitoring">
      <div class="watch-switch">
        <button
          type="button"
          role="switch"
          id="monitoring-switch"
          class="switch"
          aria-checked={on ? 'true' : 'false'}
          aria-describedby="monitoring-state"
          disabled={busy}
          data-testid="settings-monitoring-switch"
          onClick={toggle}
        >
          <span class="switch-thumb" aria-hidden="true" />
        </button>
        <label for="monitoring-switch">{t('watchMonitoringLabel')}</label>
      </div>
      <p id="monitoring-state" class="small watch-state" data-testid="settings-monitoring-state">
        {on ? t('watchMonitoringOnState') : t('watchMonitoringOffState')}
      </p>
      <SaveBar status={status} error={error} />
    </div>
  );
}

/** Aliases as typed: comma-separated, blanks and repeats left out. */
function parseAliases(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((a) => a.trim().replace(/\s+/g, ' '))
    .filter((a) => a && !seen.has(fold(a)) && seen.add(fold(a)));
}

function TermForm(props: {
  entry: WatchTerm;
  /** Terms and aliases of the other entries, folded: a name may watch for one term only. */
  taken: Set<string>;
  onSave: (entry: WatchTerm) => void;
  onCancel: () => void;
}) {
  const [term, setTerm] = useState(props.entry.term);
  const [aliases, setAliases] = useState(props.entry.aliases.join(', '));
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const field = useRef<HTMLInputElement>(null);
  return (
    <EditForm
      submitTestId="settings-watch-save"
      onCancel={props.onCancel}
      onSubmit={() => {
        const name = term.trim().replace(/\s+/g, ' ');
        const list = parseAliases(aliases).filter((a) => fold(a) !== fold(name));
        const wrong = !name
          ? 'watchTermMissing'
          : [name, ...list].some((n) => props.taken.has(fold(n)))
            ? 'watchTermTaken'
            : null;
        setProblem(wrong);
        if (wrong) return field.current?.focus();
        props.onSave({ ...props.entry, term: name, aliases: list });
      }}
    >
      <div class="settings-field">
        <label>
          {t('watchTerm')}
          <input
            type="text"
            ref={field}
            data-testid="settings-watch-term"
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'watch-term-error' : undefined}
            maxLength={LIMITS.name}
            value={term}
            onInput={(e) => setTerm(e.currentTarget.value)}
          />
        </label>
        <FieldError id="watch-term-error" text={problem ? t(problem) : undefined} />
      </div>
      <label class="watch-aliases-field">
        {t('watchAliases')}
        <input
          type="text"
          data-testid="settings-watch-aliases"
          aria-describedby="watch-aliases-help"
          value={aliases}
          onInput={(e) => setAliases(e.currentTarget.value)}
        />
        <span id="watch-aliases-help" class="small muted">
          {t('watchAliasesHelp')}
        </span>
      </label>
    </EditForm>
  );
}

export function WatchlistSection(props: { settings: Settings; onSaved: Saved }) {
  const list = props.settings.watchlist;
  // The entry being edited, or 'new' while one is being added.
  const [editing, setEditing] = useState<string | null>(null);
  const { status, error, save } = useSectionSave(props.onSaved);
  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const close = (to: string) => {
    setEditing(null);
    focus(to);
  };
  const takenBesides = (id: string) =>
    new Set(
      list.filter((w) => w.id !== id).flatMap((w) => [w.term, ...w.aliases].map((n) => fold(n))),
    );
  const keep = async (entry: WatchTerm) => {
    const known = list.some((w) => w.id === entry.id);
    const next = known ? list.map((w) => (w.id === entry.id ? entry : w)) : [...list, entry];
    if (await save({ watchlist: next })) close(known ? `watch-${entry.id}-edit` : 'watch-add');
  };
  const remove = async (entry: WatchTerm) => {
    const next = list.filter((w) => w.id !== entry.id);
    if (await save({ watchlist: next }, t('watchRemoved', entry.term))) focus('watch-add');
  };

  return (
    <div class="settings-form" data-testid="settings-watchlist">
      {list.length === 0 && <p class="muted small">{t('watchListEmpty')}</p>}
      {list.length > 0 && (
        <ul class="rows watch-terms">
          {list.map((w) =>
            editing === w.id ? (
              <li key={w.id}>
                <TermForm
                  entry={w}
                  taken={takenBesides(w.id)}
                  onSave={(entry) => void keep(entry)}
                  onCancel={() => close(`watch-${w.id}-edit`)}
                />
              </li>
            ) : (
              <li key={w.id} class="row" data-testid="settings-watch-entry">
                <div>
                  <strong>{w.term}</strong>
                  {w.aliases.length > 0 && (
                    <div class="small muted">{t('watchAlsoKnownAs', w.aliases.join(', '))}</div>
                  )}
                </div>
                <div class="meta">
                  <button
                    type="button"
                    class="button"
                    id={`watch-${w.id}-edit`}
                    aria-label={t('watchEditOf', w.term)}
                    onClick={() => setEditing(w.id)}
                  >
                    {t('logEdit')}
                  </button>
                  <button
                    type="button"
                    class="button link"
                    aria-label={t('watchRemoveOf', w.term)}
                    onClick={() => void remove(w)}
                  >
                    {t('settingsRemove')}
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <TermForm
          entry={{ id: newId(), term: '', aliases: [] }}
          taken={takenBesides('')}
          onSave={(entry) => void keep(entry)}
          onCancel={() => close('watch-add')}
        />
      ) : (
        <p>
          <button
            type="button"
            class="button"
            id="watch-add"
            data-testid="settings-watch-add"
            onClick={() => setEditing('new')}
          >
            {t('watchAdd')}
          </button>
        </p>
      )}
      <SaveBar status={status} error={error} />
    </div>
  );
}

const RULE_KEYS: Record<WordRule['rule'], MessageKey> = {
  'always-negative': 'watchRuleAlways',
  'never-negative': 'watchRuleNever',
};

function RuleSelect(props: {
  id?: string;
  label: string;
  value: WordRule['rule'];
  onChange: (rule: WordRule['rule']) => void;
}) {
  return (
    <select
      id={props.id}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value as WordRule['rule'])}
    >
      {(Object.keys(RULE_KEYS) as WordRule['rule'][]).map((rule) => (
        <option key={rule} value={rule}>
          {t(RULE_KEYS[rule])}
        </option>
      ))}
    </select>
  );
}

export function WordRulesSection(props: { settings: Settings; onSaved: Saved }) {
  const rules = props.settings.wordRules;
  const [word, setWord] = useState('');
  const [rule, setRule] = useState<WordRule['rule']>('always-negative');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const { status, error, save, clear } = useSectionSave(props.onSaved);
  const folded = (w: string) => fold(w.trim().replace(/\s+/g, ' '));

  const add = async () => {
    const text = word.trim().replace(/\s+/g, ' ');
    const wrong = !text
      ? 'watchRuleMissing'
      : rules.some((r) => folded(r.word) === folded(text))
        ? 'watchRuleTaken'
        : null;
    setProblem(wrong);
    if (wrong) return document.getElementById('rule-word')?.focus();
    if (await save({ wordRules: [...rules, { word: text, rule }] })) setWord('');
  };

  return (
    <div class="settings-form" data-testid="settings-word-rules">
      {rules.length === 0 && <p class="muted small">{t('watchRulesEmpty')}</p>}
      {rules.length > 0 && (
        <ul class="rows watch-rules">
          {rules.map((r, i) => (
            <li key={r.word} class="row" data-testid="settings-word-rule">
              <strong>{r.word}</strong>
              <div class="meta">
                <RuleSelect
                  label={t('watchRuleOf', r.word)}
                  value={r.rule}
                  onChange={(next) =>
                    void save({
                      wordRules: rules.map((x, j) => (j === i ? { ...x, rule: next } : x)),
                    })
                  }
                />
                <button
                  type="button"
                  class="button link"
                  aria-label={t('watchRuleRemoveOf', r.word)}
                  onClick={() =>
                    void save(
                      { wordRules: rules.filter((_, j) => j !== i) },
                      t('watchRemoved', r.word),
                    ).then((done) => done && document.getElementById('rule-word')?.focus())
                  }
                >
                  {t('settingsRemove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form
        class="watch-rule-add"
        onInput={clear}
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <div class="settings-field">
          <label for="rule-word">{t('watchRuleWord')}</label>
          <input
            type="text"
            id="rule-word"
            data-testid="settings-rule-word"
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'rule-word-error' : undefined}
            maxLength={LIMITS.name}
            value={word}
            onInput={(e) => setWord(e.currentTarget.value)}
          />
          <FieldError id="rule-word-error" text={problem ? t(problem) : undefined} />
        </div>
        <div class="settings-field">
          <label for="rule-kind">{t('watchRuleKind')}</label>
          <RuleSelect id="rule-kind" label={t('watchRuleKind')} value={rule} onChange={setRule} />
        </div>
        <button type="submit" class="button" data-testid="settings-rule-add">
          {t('watchRuleAdd')}
        </button>
      </form>
      <SaveBar status={status} error={error} />
    </div>
  );
}
