/** The settings' word rules: the user's own words for the negativity score, always or never negative. */
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../core/i18n';
import { LIMITS } from '../../core/model/limits';
import type { Settings, WordRule } from '../../core/model/types';
import { foldSameLength as fold } from '../../core/text/fold';
import { FieldError } from '../../ui/components';
import { SaveBar, useSectionSave, type Saved } from './section-form';

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

/** A rule as the list shows it: its word, its kind (changed on the spot), its button. */
function RuleRow(props: {
  rule: WordRule;
  onChange: (rule: WordRule['rule']) => void;
  onRemove: () => void;
}) {
  const r = props.rule;
  return (
    <li class="row" data-testid="settings-word-rule">
      <strong>{r.word}</strong>
      <div class="meta">
        <RuleSelect label={t('watchRuleOf', r.word)} value={r.rule} onChange={props.onChange} />
        <button
          type="button"
          class="button link"
          aria-label={t('watchRuleRemoveOf', r.word)}
          onClick={props.onRemove}
        >
          {t('settingsRemove')}
        </button>
      </div>
    </li>
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
            <RuleRow
              key={r.word}
              rule={r}
              onChange={(next) =>
                void save({
                  wordRules: rules.map((x, j) => (j === i ? { ...x, rule: next } : x)),
                })
              }
              onRemove={() =>
                void save(
                  { wordRules: rules.filter((_, j) => j !== i) },
                  t('watchRemoved', r.word),
                ).then((done) => done && document.getElementById('rule-word')?.focus())
              }
            />
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
