/**
 * Step 2, assess the damage: an inventory of affected areas with a degree and an estimated
 * repair cost; Vigie ranks them (what to treat first), totals the cost, draws the ranking and
 * suggests a level, applied in one click.
 */
import { useState } from 'preact/hooks';
import { t } from '../../../core/i18n';
import { rankDamages, suggestLevel, totalCost } from '../../../core/model/assessment';
import type { CrisisChange } from '../../../core/model/crisis-change';
import { newId } from '../../../core/model/ids';
import {
  DAMAGE_AREAS,
  type Crisis,
  type DamageArea,
  type DamageRow,
} from '../../../core/model/types';
import { formatMoney, levelText } from '../../../ui/format';
import { EditForm } from '../../../ui/edit-form';
import { areaLabel, areaName } from '../../../ui/labels';
import { EditDelete } from './edit-delete';
import { LongText } from './long-text';
import { TextField } from './text-field';

const blank = (): DamageRow => ({
  id: newId(),
  area: 'customers',
  customArea: '',
  degree: 3,
  cost: 0,
  currency: 'EUR',
  note: '',
  mentionIds: [],
  accepted: false,
});

function DamageForm(props: {
  row: DamageRow;
  onSave: (row: DamageRow) => void;
  onCancel: () => void;
}) {
  const [row, setRow] = useState(props.row);
  const set = (patch: Partial<DamageRow>) => setRow({ ...row, ...patch });
  return (
    <EditForm onSubmit={() => props.onSave(row)} onCancel={props.onCancel}>
      <label>
        {t('assessArea')}
        <select
          value={row.area}
          onChange={(e) => set({ area: e.currentTarget.value as DamageArea })}
        >
          {DAMAGE_AREAS.map((area) => (
            <option key={area} value={area}>
              {areaLabel(area)}
            </option>
          ))}
        </select>
      </label>
      {row.area === 'custom' && (
        <TextField
          label={t('assessCustomArea')}
          required
          value={row.customArea}
          onInput={(customArea) => set({ customArea })}
        />
      )}
      <label>
        {t('assessDegree')}
        <select
          value={row.degree}
          onChange={(e) => set({ degree: Number(e.currentTarget.value) as DamageRow['degree'] })}
        >
          {[1, 2, 3, 4, 5].map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('assessCost')}
        <input
          type="number"
          min={0}
          step="any"
          value={row.cost}
          onInput={(e) => set({ cost: Number(e.currentTarget.value) })}
        />
      </label>
      <label>
        {t('assessCurrency')}
        <input
          type="text"
          maxLength={3}
          value={row.currency}
          onInput={(e) => set({ currency: e.currentTarget.value })}
        />
      </label>
      <LongText label={t('logNote')} rows={2} value={row.note} onInput={(note) => set({ note })} />
    </EditForm>
  );
}

/** The damages ranked, what to treat first on top: each one's degree drawn, its cost, its note. */
function DamageRanking(props: {
  ranked: DamageRow[];
  onEdit: (row: DamageRow) => void;
  onChange: (change: CrisisChange) => void;
}) {
  return (
    <ol class="ranking" aria-label={t('assessRanking')}>
      {props.ranked.map((row) => (
        <li key={row.id}>
          <span class="area">{areaName(row)}</span>
          <svg
            class="bar"
            viewBox="0 0 100 10"
            preserveAspectRatio="none"
            role="img"
            aria-label={t('assessDegreeIs', String(row.degree))}
          >
            <rect width={row.degree * 20} height="10" rx="2" class={`degree-${row.degree}`} />
          </svg>
          <span class="small">{t('assessDegreeIs', String(row.degree))}</span>
          <span class="small">{row.cost > 0 ? formatMoney(row.cost, row.currency) : '—'}</span>
          <span>
            <EditDelete
              onEdit={() => props.onEdit(row)}
              onDelete={() => props.onChange({ op: 'damage-remove', rowId: row.id })}
            />
          </span>
          {row.note && <p class="note small">{row.note}</p>}
        </li>
      ))}
    </ol>
  );
}

export function AssessStep(props: { crisis: Crisis; onChange: (change: CrisisChange) => void }) {
  const { crisis } = props;
  const [editing, setEditing] = useState<DamageRow | null>(null);
  const ranked = rankDamages(crisis.assess.damages);
  const totals = Object.entries(totalCost(ranked));
  const suggested = suggestLevel(ranked);
  return (
    <section class="step-panel" aria-labelledby="assess-title">
      <h2 class="section" id="assess-title">
        {t('assessTitle')}
      </h2>
      {ranked.length === 0 ? (
        <p class="muted small">{t('assessEmpty')}</p>
      ) : (
        <DamageRanking ranked={ranked} onEdit={setEditing} onChange={props.onChange} />
      )}
      {totals.length > 0 && (
        <p>
          {t(
            'assessTotal',
            totals.map(([currency, amount]) => formatMoney(amount, currency)).join(' + '),
          )}
        </p>
      )}
      {suggested !== null && (
        <p class="status">
          {t('assessSuggested', levelText(suggested))}{' '}
          {suggested !== crisis.level && (
            <button
              type="button"
              class="button"
              onClick={() => props.onChange({ op: 'level', level: suggested })}
            >
              {t('assessApplyLevel')}
            </button>
          )}
        </p>
      )}
      {editing ? (
        <DamageForm
          key={editing.id}
          row={editing}
          onCancel={() => setEditing(null)}
          onSave={(row) => {
            props.onChange({ op: 'damage', row });
            setEditing(null);
          }}
        />
      ) : (
        <button type="button" class="button" onClick={() => setEditing(blank())}>
          {t('assessAdd')}
        </button>
      )}
    </section>
  );
}
