/** The settings' watchlist: the terms monitoring watches for, with their aliases. */
import { t } from '../../core/i18n';
import { newId } from '../../core/model/ids';
import type { Settings, WatchTerm } from '../../core/model/types';
import { foldSameLength as fold } from '../../core/text/fold';
import { SaveBar, useEntryList, useSectionSave, type Saved } from './section-form';
import { TermForm } from './term-form';

/** A watched term as the list shows it: the term, its aliases, and its buttons. */
function WatchRow(props: { entry: WatchTerm; onEdit: () => void; onRemove: () => void }) {
  const w = props.entry;
  return (
    <li class="row" data-testid="settings-watch-entry">
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
          onClick={props.onEdit}
        >
          {t('logEdit')}
        </button>
        <button
          type="button"
          class="button link"
          aria-label={t('watchRemoveOf', w.term)}
          onClick={props.onRemove}
        >
          {t('settingsRemove')}
        </button>
      </div>
    </li>
  );
}

export function WatchlistSection(props: { settings: Settings; onSaved: Saved }) {
  const list = props.settings.watchlist;
  const { status, error, save } = useSectionSave(props.onSaved);
  const { editing, setEditing, close, keep, remove } = useEntryList(
    props.settings,
    'watchlist',
    'watch',
    save,
  );
  const takenBesides = (id: string) =>
    new Set(
      list.filter((w) => w.id !== id).flatMap((w) => [w.term, ...w.aliases].map((n) => fold(n))),
    );

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
              <WatchRow
                key={w.id}
                entry={w}
                onEdit={() => setEditing(w.id)}
                onRemove={() => void remove(w, t('watchRemoved', w.term))}
              />
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
