/**
 * Step 2, assess the damage: which affected area to treat first, the total cost, and the crisis
 * level the assessment suggests.
 */
import type { DamageRow, Level } from './types';

/**
 * The rows in the order to treat them: the worst damage first, then the costliest repair, then
 * the widest (most linked mentions). Ties keep the order the user entered them in.
 */
export function rankDamages(rows: readonly DamageRow[]): DamageRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        b.row.degree - a.row.degree ||
        b.row.cost - a.row.cost ||
        b.row.mentionIds.length - a.row.mentionIds.length ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}

/** Estimated repair cost per currency (rows in several currencies are never added together). */
export function totalCost(rows: readonly DamageRow[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const row of rows) {
    if (!Number.isFinite(row.cost) || row.cost <= 0) continue;
    const currency = row.currency.trim().toUpperCase() || 'EUR';
    totals[currency] = (totals[currency] ?? 0) + row.cost;
  }
  return totals;
}

/**
 * The level the assessment points to: the worst degree sets it (5 → major crisis, 4 → crisis,
 * 3 → alert, lower → watch), and damage spread over many areas raises it one step: three or more
 * areas at degree 3 or worse make an alert a crisis, a crisis a major one. Null with no row.
 */
export function suggestLevel(rows: readonly DamageRow[]): Level | null {
  if (rows.length === 0) return null;
  const worst = Math.max(...rows.map((r) => r.degree));
  let level: number = worst >= 5 ? 4 : worst === 4 ? 3 : worst === 3 ? 2 : 1;
  const serious = rows.filter((r) => r.degree >= 3).length;
  if (serious >= 3 && level >= 2) level += 1;
  return Math.min(4, level) as Level;
}
