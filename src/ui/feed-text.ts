/**
 * Feed watch in words: why a source cannot be added, why its last read failed, and how it
 * stands, as the crisis log's feeds screen and the popup say them.
 */
import { t, tn, type MessageKey } from '../core/i18n';
import type { PollError } from '../core/feeds/poll';
import type { SourceKind } from '../core/feeds/sources';
import type { FeedSourceView } from '../core/messaging/protocol';
import { formatDateTime } from './format';

const ERRORS: Record<string, MessageKey> = {
  'not-found': 'feedErrorNotFound',
  gone: 'feedErrorGone',
  forbidden: 'feedErrorForbidden',
  'rate-limited': 'feedErrorRateLimited',
  server: 'feedErrorServer',
  http: 'feedErrorHttp',
  network: 'feedErrorNetwork',
  timeout: 'feedErrorTimeout',
  'too-large': 'feedErrorTooLarge',
  'not-a-feed': 'feedErrorNotAFeed',
  malformed: 'feedErrorMalformed',
  'too-many-entities': 'feedErrorEntities',
  'unsupported-charset': 'feedErrorCharset',
};

/** Why the last read of a feed failed, in words (with the HTTP status where there was one). */
export function pollErrorText(error: PollError): string {
  const key = ERRORS[error.code] ?? 'feedErrorHttp';
  return t(key, String(error.status ?? ''));
}

/** How a source stands: its last good read, its last failure, what it gave, its next read. */
export function sourceStatusText(source: FeedSourceView): string {
  const { poll } = source;
  const parts = [
    poll.lastSuccessAt ? t('feedLastRead', formatDateTime(poll.lastSuccessAt)) : t('feedNeverRead'),
    tn('feedItemsSeen', poll.itemsSeen, String(poll.itemsSeen)),
  ];
  if (poll.lastError) parts.push(t('feedLastFailure', pollErrorText(poll.lastError)));
  parts.push(t('feedNextRead', formatDateTime(poll.nextPollAt)));
  return parts.join(' · ');
}

/** The kinds of source, named as the form's menu lists them. */
export const KIND_NAMES: Record<SourceKind, MessageKey> = {
  url: 'feedKindUrl',
  'google-alerts': 'feedKindGoogleAlerts',
  'google-news': 'feedKindGoogleNews',
  'mastodon-tag': 'feedKindMastodonTag',
  'mastodon-account': 'feedKindMastodonAccount',
  'hacker-news': 'feedKindHackerNews',
  youtube: 'feedKindYoutube',
  bluesky: 'feedKindBluesky',
  reddit: 'feedKindReddit',
};
