/**
 * Changing a list's filters: a patch merged into the route's latest query, which a field whose
 * typing pause ends after another filter changed would otherwise undo.
 */
import { useRef } from 'preact/hooks';
import { replaceRouteParams, type RouteParams } from '../ui/use-hash-route';
import type { ParamsPatch } from './filter-bar';

export function useParamsChange(params: RouteParams): (patch: ParamsPatch) => void {
  const latest = useRef(params);
  latest.current = params;
  return (patch) => {
    const merged: Record<string, string> = { ...latest.current };
    for (const [key, value] of Object.entries(patch)) merged[key] = value ?? '';
    replaceRouteParams(merged);
  };
}
