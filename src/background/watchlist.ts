/**
 * The watchlist as the background matches it, compiled once for as long as it stays the same:
 * monitoring's page reads and feed watch's items both ask for it, often many times a minute.
 */
import { compileWatchlist, type CompiledWatchlist } from '../core/monitoring/watch';
import type { WatchTerm } from '../core/model/types';

let compiledFor: { key: string; list: CompiledWatchlist } | null = null;

/** `watchlist` compiled; the last compilation again while the list is unchanged. */
export function compiledWatchlist(watchlist: readonly WatchTerm[]): CompiledWatchlist {
  const key = JSON.stringify(watchlist);
  if (compiledFor?.key !== key) compiledFor = { key, list: compileWatchlist(watchlist) };
  return compiledFor.list;
}
