/**
 * The popup's list of the watched terms monitoring saw on the page: each with the sentence
 * around it (as text), how negative it reads in words, and one-click flag; and
 * the switch that shows them, with the page's flagged quotes, highlighted on the page.
 */
import { t, type MessageKey } from '../core/i18n';
import type { PageWatch } from '../core/messaging/protocol';
import type { PopupSighting } from '../core/monitoring/report';
import { FoldedList } from '../ui/folded-list';
import { quoted } from '../ui/format';

/** How negative a sentence reads, in words. */
function negativityWord(s: PopupSighting): MessageKey {
  if (s.negative) return s.score >= 0.75 ? 'monitorNegativityStrong' : 'monitorNegativityNegative';
  return s.score >= 0.1 ? 'monitorNegativitySlight' : 'monitorNegativityNone';
}

/** How negative a sentence reads, in words (the scorer's figure stays the scorer's). */
export function negativityText(s: PopupSighting): string {
  return t(negativityWord(s));
}

function SightingItem(props: { sighting: PopupSighting; busy: boolean; onFlag: () => void }) {
  const s = props.sighting;
  return (
    <li class="sighting" data-testid="popup-sighting">
      <p class="sighting-head">
        <strong data-testid="popup-sighting-term">{s.term}</strong>
        <span
          class={s.negative ? 'negativity negative' : 'negativity'}
          data-testid="popup-sighting-negativity"
        >
          {negativityText(s)}
        </span>
      </p>
      <p class="quote clamp" title={s.sentence} data-testid="popup-sighting-sentence">
        {quoted(s.sentence)}
      </p>
      {s.mentionId ? (
        <span class="small muted" data-testid="popup-sighting-flagged">
          {t('monitorSightingFlagged')}
        </span>
      ) : (
        <button
          type="button"
          class="button"
          data-testid="popup-flag-sighting"
          aria-label={t('monitorFlagSightingOf', s.term)}
          disabled={props.busy}
          onClick={props.onFlag}
        >
          {t('monitorFlagSighting')}
        </button>
      )}
    </li>
  );
}

/**
 * The sightings, negative ones first and in view (they are what the user flags); the others
 * folded away under their count, a click from view.
 */
export function Sightings(props: {
  watch: PageWatch;
  busy: boolean;
  onFlag: (sightingId: string) => void;
  /** Shows the sightings and the flagged quotes on the page, or takes them away. */
  onShow: (show: boolean) => void;
}) {
  const { sightings, sightingCount, shown } = props.watch;
  const negative = sightings.filter((s) => s.negative);
  const others = sightings.filter((s) => !s.negative);
  const item = (s: PopupSighting) => (
    <SightingItem key={s.id} sighting={s} busy={props.busy} onFlag={() => props.onFlag(s.id)} />
  );
  return (
    <section aria-labelledby="sightings">
      <h2 id="sightings">{t('monitorSightingsTitle', String(sightingCount))}</h2>
      {sightings.length === 0 && <p class="muted small">{t('monitorNoSighting')}</p>}
      <p class="show-on-page small">
        <button
          type="button"
          class="button small"
          data-testid="popup-show-on-page"
          aria-pressed={shown}
          disabled={props.busy}
          onClick={() => props.onShow(!shown)}
        >
          {t(shown ? 'monitorHideFromPage' : 'monitorShowOnPage')}
        </button>
        <span class="muted">{t('monitorPrivacyNote')}</span>
      </p>
      {negative.length > 0 && (
        <FoldedList items={negative} shown={3} render={item} testid="popup-sightings" />
      )}
      {others.length > 0 && (
        <details class="other-sightings" open={negative.length === 0}>
          <summary class="small">{t('monitorOtherSightings', String(others.length))}</summary>
          <ul class="list">{others.map(item)}</ul>
        </details>
      )}
      {sightingCount > sightings.length && (
        <p class="muted small">
          {t('monitorMoreSightings', String(sightingCount - sightings.length))}
        </p>
      )}
    </section>
  );
}
