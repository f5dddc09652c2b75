/**
 * Adding a feed: the kind of source, the fields that kind takes (a Google News search, a
 * Mastodon hashtag, a YouTube channel…), how often to read it. The browser is asked for the
 * feed's site in the click itself; the background then reads the feed at once and the form
 * says what it found, or why it failed.
 */
import { useState } from 'preact/hooks';
import { browser } from '../../core/browser';
import { t, tn, uiLanguage, type MessageKey } from '../../core/i18n';
import { DEFAULT_PERIOD_MIN } from '../../core/feeds/poll';
import {
  buildFeedUrl,
  originPattern,
  SOURCE_KINDS,
  type SourceKind,
  type SourceSpec,
} from '../../core/feeds/sources';
import type { AppErrorData, FeedReadView } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import { KIND_NAMES, pollErrorText } from '../../ui/feed-text';
import { SaveBar } from '../settings/section-form';
import { PeriodSelect } from './period-select';

type Field =
  | 'url'
  | 'query'
  | 'locale'
  | 'tag'
  | 'instance'
  | 'account'
  | 'channel'
  | 'handle'
  | 'subreddit'
  | 'feedToken'
  | 'user';

/** The fields each kind of source takes, in order; the first is the one it cannot do without. */
const FIELDS: Record<SourceKind, Field[]> = {
  url: ['url'],
  'google-alerts': ['url'],
  'google-news': ['query', 'locale'],
  'mastodon-tag': ['tag', 'instance'],
  'mastodon-account': ['account', 'instance'],
  'hacker-news': ['query'],
  youtube: ['channel'],
  bluesky: ['handle'],
  reddit: ['subreddit', 'query', 'feedToken', 'user'],
};

const LABELS: Record<Field, MessageKey> = {
  url: 'feedFieldUrl',
  query: 'feedFieldQuery',
  locale: 'feedFieldLocale',
  tag: 'feedFieldTag',
  instance: 'feedFieldInstance',
  account: 'feedFieldAccount',
  channel: 'feedFieldChannel',
  handle: 'feedFieldHandle',
  subreddit: 'feedFieldSubreddit',
  feedToken: 'feedFieldRedditToken',
  user: 'feedFieldRedditUser',
};

/** What each kind of source is, under its menu. */
const HELP: Partial<Record<SourceKind, MessageKey>> = {
  'google-alerts': 'feedHelpGoogleAlerts',
  'google-news': 'feedHelpGoogleNews',
  reddit: 'feedHelpReddit',
  youtube: 'feedHelpYoutube',
};

/** The source the form's values describe: the blank optional fields left out. */
function specOf(kind: SourceKind, values: Partial<Record<Field, string>>): SourceSpec {
  const spec: Record<string, string> = { kind };
  for (const field of FIELDS[kind]) {
    const value = values[field]?.trim() ?? '';
    if (value || field === FIELDS[kind][0]) spec[field] = value;
  }
  return spec as unknown as SourceSpec;
}

/** What a first read found, in words. */
function foundText(read: FeedReadView): string {
  const { poll } = read.source;
  if (poll.lastError) return t('feedAddedFailing', pollErrorText(poll.lastError));
  return tn('feedAddedFound', read.items, [String(read.items), String(read.sightings)]);
}

export function SourceForm(props: { onAdded: () => void }) {
  const [kind, setKind] = useState<SourceKind>('google-news');
  const [values, setValues] = useState<Partial<Record<Field, string>>>({
    locale: uiLanguage() === 'fr' ? 'fr-FR' : 'en-US',
  });
  const [periodMin, setPeriodMin] = useState(DEFAULT_PERIOD_MIN);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [badField, setBadField] = useState<string | null>(null);

  const add = (event: Event) => {
    event.preventDefault();
    setError(null);
    setStatus('');
    setBadField(null);
    const spec = specOf(kind, values);
    const built = buildFeedUrl(spec);
    if (!built.ok) {
      setBadField(built.field);
      return setError({ code: 'feed', message: built.problem });
    }
    const origin = originPattern(built.url);
    if (!origin) return setError({ code: 'feed', message: 'not-https' });
    setBusy(true);
    // Asked on the click itself, before anything is awaited: browsers ask only in a gesture.
    browser.permissions.request({ origins: [origin] }).then(
      async (granted) => {
        if (!granted) {
          setBusy(false);
          return setError({ code: 'feed', message: 'refused' });
        }
        const reply = await ask('addFeed', { spec, periodMin });
        setBusy(false);
        if (!reply.ok) return setError(reply.error);
        setStatus(foundText(reply.value));
        setValues((v) => ({ locale: v.locale }));
        props.onAdded();
      },
      () => {
        setBusy(false);
        setError({ code: 'feed', message: 'refused' });
      },
    );
  };

  const help = HELP[kind];
  return (
    <form class="settings-form feed-add" data-testid="feed-add" onSubmit={add}>
      <div class="settings-field">
        <label for="feed-kind">{t('feedKind')}</label>
        <select
          id="feed-kind"
          data-testid="feed-kind"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as SourceKind)}
        >
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_NAMES[k])}
            </option>
          ))}
        </select>
      </div>
      {help && <p class="small muted">{t(help)}</p>}
      {FIELDS[kind].map((field) => (
        <div class="settings-field" key={`${kind}-${field}`}>
          <label for={`feed-${field}`}>{t(LABELS[field])}</label>
          <input
            id={`feed-${field}`}
            data-testid={`feed-${field}`}
            type={field === 'feedToken' ? 'password' : 'text'}
            autocomplete="off"
            spellcheck={false}
            aria-invalid={badField === field ? 'true' : undefined}
            value={values[field] ?? ''}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, [field]: value }));
            }}
          />
        </div>
      ))}
      <PeriodSelect id="feed-period" value={periodMin} onChange={setPeriodMin} />
      <SaveBar status={status} error={error}>
        <button type="submit" class="button primary" disabled={busy} data-testid="feed-add-button">
          {t('feedAdd')}
        </button>
      </SaveBar>
    </form>
  );
}
