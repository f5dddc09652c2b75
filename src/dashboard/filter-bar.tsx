/**
 * The search box and filters above the crisis log's lists. They show the route's query and
 * change it (see list-filters.ts); the list reads its filter from there, so a filtered view
 * is a link like any other.
 */
import { t } from '../core/i18n';
import type { CrisisSummary } from '../core/messaging/protocol';
import { LEVELS, STEPS, TONES, type Mention } from '../core/model/types';
import { levelText, stepName, toneName } from '../ui/format';
import { Choice } from '../ui/components';
import { SearchField } from '../ui/search-field';
import type { RouteParams } from '../ui/use-hash-route';
import { CRISIS_PARAMS, isFiltered, MENTION_PARAMS } from './list-filters';
import './filters.css';

export type ParamsPatch = Partial<Record<string, string>>;

function DateField(props: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {props.label}
      <input
        type="date"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </label>
  );
}

function SortChoice(props: { params: RouteParams; onChange: (patch: ParamsPatch) => void }) {
  return (
    <Choice
      label={t('filterSort')}
      value={props.params.sort === 'oldest' ? 'oldest' : ''}
      options={[
        ['', t('filterNewest')],
        ['oldest', t('filterOldest')],
      ]}
      onChange={(sort) => props.onChange({ sort })}
      testid="filter-sort"
    />
  );
}

function ClearButton(props: { onClear: () => void }) {
  return (
    <button type="button" class="button link filter-clear" onClick={props.onClear}>
      {t('filterClear')}
    </button>
  );
}

/** Empties every filter of `keys`, the sort kept. */
function cleared(keys: readonly string[]): ParamsPatch {
  return Object.fromEntries(keys.filter((key) => key !== 'sort').map((key) => [key, '']));
}

/**
 * The crisis a mention list is narrowed to: any, the inbox, or one of `crises`; a crisis of the
 * route that is not among them (closed since) is kept, unnamed.
 */
function CrisisChoice(props: {
  crises: readonly CrisisSummary[];
  params: RouteParams;
  onChange: (patch: ParamsPatch) => void;
}) {
  const { crises } = props;
  const crisis = props.params.crisis ?? '';
  const known = crisis === '' || crisis === 'inbox' || crises.some((c) => c.id === crisis);
  return (
    <Choice
      label={t('filterCrisis')}
      value={crisis}
      options={[
        ['', t('filterAnyCrisis')],
        ['inbox', t('filterInbox')],
        ...crises.map((c) => [c.id, c.title] as const),
        ...(known ? [] : [[crisis, t('filterOtherCrisis')] as const]),
      ]}
      onChange={(value) => props.onChange({ crisis: value })}
      testid="filter-crisis"
    />
  );
}

/** The dates behind one stop: a date field is four stops of the keyboard. */
function DateRange(props: { params: RouteParams; onChange: (patch: ParamsPatch) => void }) {
  const { params, onChange } = props;
  return (
    <details class="filter-dates" open={Boolean(params.from || params.to)}>
      <summary>{t('filterDates')}</summary>
      <DateField
        label={t('filterFrom')}
        value={params.from ?? ''}
        onChange={(from) => onChange({ from })}
      />
      <DateField
        label={t('filterTo')}
        value={params.to ?? ''}
        onChange={(to) => onChange({ to })}
      />
    </details>
  );
}

/** Distinct values, at most `max`, for a field's suggestions. */
const distinct = (values: Iterable<string>, max = 50) => [...new Set(values)].slice(0, max);

/** The sites and tags of the mentions shown, suggested in the site and tag fields. */
function Suggestions({ mentions }: { mentions: readonly Mention[] }) {
  return (
    <>
      <datalist id="vigie-filter-sites">
        {distinct(mentions.map((m) => m.site).filter(Boolean)).map((site) => (
          <option key={site} value={site} />
        ))}
      </datalist>
      <datalist id="vigie-filter-tags">
        {distinct(mentions.flatMap((m) => m.tags)).map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </>
  );
}

/**
 * The filters of a mention list. `crises` lists the crises offered in the crisis choice (null
 * hides the choice: the inbox has no crisis to choose); the sites and tags of the `mentions`
 * shown are suggested.
 */
export function MentionFilterBar(props: {
  params: RouteParams;
  onChange: (patch: ParamsPatch) => void;
  crises: readonly CrisisSummary[] | null;
  mentions: readonly Mention[];
}) {
  const { params, onChange, crises } = props;
  return (
    <div class="filter-bar" role="search" aria-label={t('filterMentionsLabel')}>
      <div class="filter-top">
        <SearchField
          class="filter-q"
          type="search"
          label={t('searchMentionsLabel')}
          hiddenLabel
          placeholder={t('searchMentionsPlaceholder')}
          value={params.q ?? ''}
          onCommit={(q) => onChange({ q })}
          testid="log-search"
        />
        <SortChoice params={params} onChange={onChange} />
        {isFiltered(params, MENTION_PARAMS) && (
          <ClearButton onClear={() => onChange(cleared(MENTION_PARAMS))} />
        )}
      </div>
      <div class="filter-fields">
        <Choice
          label={t('filterTone')}
          value={params.tone ?? ''}
          options={[
            ['', t('filterAnyTone')],
            ...TONES.map((tone) => [tone, toneName(tone)] as const),
          ]}
          onChange={(tone) => onChange({ tone })}
          testid="filter-tone"
        />
        <SearchField
          label={t('filterSite')}
          value={params.site ?? ''}
          list="vigie-filter-sites"
          onCommit={(site) => onChange({ site })}
          testid="filter-site"
        />
        <SearchField
          label={t('filterTag')}
          value={params.tag ?? ''}
          list="vigie-filter-tags"
          onCommit={(tag) => onChange({ tag })}
          testid="filter-tag"
        />
        {crises && <CrisisChoice crises={crises} params={params} onChange={onChange} />}
        <DateRange params={params} onChange={onChange} />
      </div>
      <Suggestions mentions={props.mentions} />
    </div>
  );
}

/** The filters of the crisis list. */
export function CrisisFilterBar(props: {
  params: RouteParams;
  onChange: (patch: ParamsPatch) => void;
}) {
  const { params, onChange } = props;
  return (
    <div class="filter-bar" role="search" aria-label={t('filterCrisesLabel')}>
      <div class="filter-top">
        <SearchField
          class="filter-q"
          type="search"
          label={t('searchCrisesLabel')}
          hiddenLabel
          placeholder={t('searchCrisesPlaceholder')}
          value={params.q ?? ''}
          onCommit={(q) => onChange({ q })}
          testid="crisis-search"
        />
        <SortChoice params={params} onChange={onChange} />
        {isFiltered(params, CRISIS_PARAMS) && (
          <ClearButton onClear={() => onChange(cleared(CRISIS_PARAMS))} />
        )}
      </div>
      <div class="filter-fields">
        <Choice
          label={t('filterState')}
          value={params.state ?? ''}
          options={[
            ['', t('filterAnyState')],
            ['open', t('filterOpen')],
            ['closed', t('filterClosed')],
          ]}
          onChange={(state) => onChange({ state })}
          testid="filter-state"
        />
        <Choice
          label={t('filterLevel')}
          value={params.level ?? ''}
          options={[
            ['', t('filterAnyLevel')],
            ...LEVELS.map((level) => [String(level), levelText(level)] as const),
          ]}
          onChange={(level) => onChange({ level })}
          testid="filter-level"
        />
        <Choice
          label={t('filterStep')}
          value={params.step ?? ''}
          options={[
            ['', t('filterAnyStep')],
            ...STEPS.map((step) => [step, stepName(step)] as const),
          ]}
          onChange={(step) => onChange({ step })}
          testid="filter-step"
        />
      </div>
    </div>
  );
}
