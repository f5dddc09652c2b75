/**
 * The crisis log (extension page, also the options page): the mention inbox, every mention,
 * the crises and each crisis's view. Routes live in the URL's #fragment.
 */
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t, tn, uiLanguage } from '../core/i18n';
import type { LogCounts } from '../core/messaging/protocol';
import { ask } from '../ui/background';
import { parseRoute, useHashRoute, type Route } from '../ui/use-hash-route';
import { cellStatusText, formatCount } from '../ui/format';
import { lazy } from '../ui/lazy';
import { guardUnsavedEdits } from '../ui/unsaved';
import { CrisisList } from './crisis/crisis-list';
import { MentionList } from './log/mention-list';
import { preloadFirstPage } from './log/use-mention-pages';
import { askPersistence } from './storage-status';
import { useCellWatch } from './use-cell-watch';

// The log opens on a list: the other screens' code (the crisis steps and report, the charts,
// the backup tools with their CSV and schema libraries, the settings) is loaded when first shown.
const CrisisView = lazy(() => import('./crisis/crisis-view').then((m) => m.CrisisView));
const ChartsView = lazy(() => import('./charts/charts-view').then((m) => m.ChartsView));
const BackupView = lazy(() => import('./backup/backup-view').then((m) => m.BackupView));
const SettingsView = lazy(() => import('./settings/settings-view').then((m) => m.SettingsView));
const FeedsView = lazy(() => import('./feeds/feeds-view').then((m) => m.FeedsView));
const TodayView = lazy(() => import('./crisis/today-view').then((m) => m.TodayView));

function NavLink(props: {
  href: string;
  current: boolean;
  label: string;
  count?: number;
  /** Something in it is late: the count is said in red. */
  urgent?: boolean;
}) {
  return (
    <a href={props.href} aria-current={props.current ? 'page' : undefined}>
      <span>{props.label}</span>
      {props.count !== undefined && (
        <span class={props.urgent ? 'overdue' : 'muted'}>{formatCount(props.count)}</span>
      )}
    </a>
  );
}

function Screen({ route, onChanged }: { route: Route; onChanged: () => void }) {
  switch (route.view) {
    case 'inbox':
      return (
        <>
          <h1>{t('navInbox')}</h1>
          <p class="muted">{t('logInboxHelp')}</p>
          <MentionList scope={{ in: 'inbox' }} onChanged={onChanged} params={route.params} />
        </>
      );
    case 'today':
      return <TodayView />;
    case 'all':
      return (
        <>
          <h1>{t('navAll')}</h1>
          <MentionList scope={{ in: 'all' }} onChanged={onChanged} params={route.params} />
        </>
      );
    case 'crises':
      return (
        <>
          <h1>{t('navCrises')}</h1>
          <CrisisList params={route.params} />
        </>
      );
    case 'crisis':
      return <CrisisView key={route.id} id={route.id} onChanged={onChanged} />;
    case 'feeds':
      return <FeedsView onChanged={onChanged} />;
    case 'charts':
      return <ChartsView />;
    case 'backup':
      return <BackupView onChanged={onChanged} />;
    case 'settings':
      return <SettingsView />;
  }
}

/**
 * After a change of screen, the reader starts at the new screen's heading (as a page load would
 * start them at the top), whether it came from a link, the address or a creation. The screen's
 * code may be loading: its heading is looked for over the next frames. The first screen keeps
 * the browser's own start, so that the skip link comes first.
 */
function useFocusOnScreen(screen: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let frames = 0;
    let request = 0;
    const look = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      // A screen that focuses something of its own (a crisis's name) keeps it.
      if (heading && !heading.contains(document.activeElement)) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus();
      } else if (!heading && frames++ < 120) {
        request = requestAnimationFrame(look);
      }
    };
    request = requestAnimationFrame(look);
    return () => cancelAnimationFrame(request);
  }, [screen]);
}

/** Moves the focus to the main content, past the navigation (the skip link). */
function skipToMain(event: Event): void {
  event.preventDefault();
  const main = document.getElementById('main');
  const heading = main?.querySelector<HTMLElement>('h1');
  const target = heading ?? main;
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}

function App() {
  const route = useHashRoute();
  const [counts, setCounts] = useState<LogCounts | null>(null);
  const refresh = useCallback(() => {
    void ask('getCounts', {}).then((reply) => reply.ok && setCounts(reply.value));
  }, []);
  // Counts change elsewhere too (a flag from the popup or the menu): refresh them on every
  // change of screen (not of a list's search or filters) and whenever the tab comes back into view.
  const screen = route.view === 'crisis' ? `crisis/${route.id}` : route.view;
  useEffect(refresh, [refresh, screen]);
  useFocusOnScreen(screen);
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);
  useCellWatch(Boolean(counts?.cell), refresh);
  useEffect(() => {
    document.title = `${t('logTitle')} — ${t('extName')}`;
    // The log is evidence: ask the browser never to evict it under storage pressure.
    void askPersistence().catch(() => false);
  }, []);

  return (
    <div class="layout">
      {/* Its own address would be a route: the link moves the focus instead. */}
      <a class="skip-link" href="#main" onClick={skipToMain} data-testid="skip-link">
        {t('skipToMain')}
      </a>
      <nav class="side" aria-label={t('logTitle')}>
        <div class="brand">
          <img src="../icons/icon-32.png" width={24} height={24} alt="" />
          {t('extName')}
        </div>
        <NavLink
          href="#today"
          current={route.view === 'today'}
          label={t('navToday')}
          count={counts?.due}
          urgent={Boolean(counts?.overdue)}
        />
        <NavLink
          href="#inbox"
          current={route.view === 'inbox'}
          label={t('navInbox')}
          count={counts?.inbox}
        />
        <NavLink
          href="#all"
          current={route.view === 'all'}
          label={t('navAll')}
          count={counts?.mentions}
        />
        <NavLink
          href="#crises"
          current={route.view === 'crises' || route.view === 'crisis'}
          label={t('navCrises')}
          count={counts?.openCrises}
        />
        {counts && (
          <p class="muted small" style={{ margin: '16px 10px' }}>
            {tn('logUntriagedSummary', counts.untriaged, formatCount(counts.untriaged))}
          </p>
        )}
        {counts?.backupDueDays != null && (
          <a class="backup-due small" href="#backup" data-testid="log-backup-due">
            {t('backupDueNav', String(counts.backupDueDays))}
          </a>
        )}
        {counts?.cell && (
          <a class="cell-status small" href="#settings" data-testid="log-cell-status">
            <strong>{t('settingsCellTitle')}</strong> {cellStatusText(counts.cell)}
          </a>
        )}
        <NavLink
          href="#feeds"
          current={route.view === 'feeds'}
          label={t('navFeeds')}
          count={counts?.feeds || undefined}
        />
        <NavLink href="#charts" current={route.view === 'charts'} label={t('chartsTitle')} />
        <NavLink href="#backup" current={route.view === 'backup'} label={t('backupTitle')} />
        <NavLink href="#settings" current={route.view === 'settings'} label={t('settingsTitle')} />
      </nav>
      <main class="content" id="main">
        <Screen route={route} onChanged={refresh} />
      </main>
    </div>
  );
}

// The page says its language, for screen readers, spelling and hyphenation.
document.documentElement.lang = uiLanguage();
guardUnsavedEdits(() => t('unsavedLeave'));
const draw = () => render(<App />, document.getElementById('app')!);

/**
 * How long the first render waits for the list the log opens on: drawn with its rows, the page
 * is laid out once rather than twice (the shell, then the rows). A worker that has to start
 * first answers later than this: the shell is drawn meanwhile, as before.
 */
const FIRST_PAGE_WAIT_MS = 150;

// The list the log opens on is asked for before the first render (see preloadFirstPage).
const opening = parseRoute(location.hash);
if (opening.view === 'inbox' || opening.view === 'all') {
  const first = preloadFirstPage({ in: opening.view }, opening.params);
  const waited = new Promise((done) => setTimeout(done, FIRST_PAGE_WAIT_MS));
  void Promise.race([first, waited]).then(draw);
} else {
  draw();
}
