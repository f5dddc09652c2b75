/** Changes to step 2, assess: a damage row entered, removed, or its damage accepted. */
import { DAMAGE_AREAS, type DamageRow } from '../types';
import type { ChangeHandlers } from './change';
import { upsertById } from './upsert-by-id';

/** A damage row as the user may enter it: a known area, degree 1–5, a cost of zero or more. */
function cleanDamage(row: DamageRow): DamageRow | null {
  if (!row.id || !DAMAGE_AREAS.includes(row.area)) return null;
  const degree = Math.min(5, Math.max(1, Math.round(row.degree))) as DamageRow['degree'];
  const cost = Number.isFinite(row.cost) && row.cost > 0 ? row.cost : 0;
  return {
    ...row,
    degree,
    cost,
    customArea: row.area === 'custom' ? row.customArea.trim().slice(0, 100) : '',
    currency: (row.currency.trim().toUpperCase() || 'EUR').slice(0, 3),
    note: row.note.slice(0, 5000),
    mentionIds: [...new Set(row.mentionIds)],
  };
}

export const assessChanges: ChangeHandlers<'damage' | 'damage-remove' | 'accept-damage'> = {
  damage(crisis, change) {
    const row = cleanDamage(change.row);
    if (!row) return null;
    const exists = crisis.assess.damages.some((d) => d.id === row.id);
    const damages = upsertById(crisis.assess.damages, row);
    const area = row.area === 'custom' ? row.customArea : row.area;
    return {
      crisis: { ...crisis, assess: { damages } },
      events: [
        {
          type: 'damage-changed',
          data: { rowId: row.id, area, degree: row.degree, added: !exists },
        },
      ],
    };
  },

  'damage-remove'(crisis, change) {
    const row = crisis.assess.damages.find((d) => d.id === change.rowId);
    if (!row) return null;
    const damages = crisis.assess.damages.filter((d) => d.id !== row.id);
    return {
      crisis: { ...crisis, assess: { damages } },
      events: [{ type: 'damage-changed', data: { rowId: row.id, area: row.area, removed: true } }],
    };
  },

  'accept-damage'(crisis, change) {
    const row = crisis.assess.damages.find((d) => d.id === change.rowId);
    if (!row || row.accepted === change.accepted) return null;
    const damages = crisis.assess.damages.map((d) =>
      d.id === row.id ? { ...d, accepted: change.accepted } : d,
    );
    return {
      crisis: { ...crisis, assess: { damages } },
      events: [
        {
          type: 'damage-changed',
          data: {
            rowId: row.id,
            area: row.area === 'custom' ? row.customArea : row.area,
            accepted: change.accepted,
          },
        },
      ],
    };
  },
};
