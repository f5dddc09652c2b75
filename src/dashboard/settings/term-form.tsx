/** A watched term being edited: the term, then its aliases, comma-separated. */
import { useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../core/i18n';
import { LIMITS } from '../../core/model/limits';
import type { WatchTerm } from '../../core/model/types';
import { foldSameLength as fold } from '../../core/text/fold';
import { FieldError } from '../../ui/components';
import { EditForm } from '../../ui/edit-form';

/** Aliases as typed: comma-separated, blanks and repeats left out. */
function parseAliases(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((a) => a.trim().replace(/\s+/g, ' '))
    .filter((a) => a && !seen.has(fold(a)) && seen.add(fold(a)));
}

export function TermForm(props: {
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
