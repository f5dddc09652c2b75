/**
 * A mention's evidence: the fingerprint of its capture, the copy of its page when one was kept
 * (downloadable as the file it was saved as), and a check that both still match the hashes
 * taken when they were made. Notes, tags, tone and reach are not part of either hash.
 */
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../core/i18n';
import type { AppErrorData, EvidenceCheck } from '../../core/messaging/protocol';
import { COPY_TYPES } from '../../core/model/evidence';
import { shortenedFields } from '../../core/model/mention';
import type { Mention, PageCopyRef } from '../../core/model/types';
import { ask } from '../../ui/background';
import { ErrorMessage, LiveRegion } from '../../ui/components';
import { downloadBlob, fileSlug } from '../../ui/download';
import { formatDateTime, formatSize } from '../../ui/format';
import { CellCopy } from './cell-copy';
import { neutralizedCopy } from './neutralize-copy';

/** Bytes of a base64 string, decoded by the browser's own data-URL reader. */
async function bytesOf(base64: string): Promise<Blob> {
  return (await fetch(`data:application/octet-stream;base64,${base64}`)).blob();
}

const FIELD_NAMES: Record<string, MessageKey> = {
  url: 'evidenceFieldUrl',
  pageTitle: 'evidenceFieldTitle',
  quote: 'evidenceFieldQuote',
  'selectors.quote.exact': 'evidenceFieldExact',
  'selectors.quote.prefix': 'evidenceFieldPrefix',
  'selectors.quote.suffix': 'evidenceFieldSuffix',
  linkUrl: 'evidenceFieldLink',
  srcUrl: 'evidenceFieldImage',
};

/** The fields of a capture, as a reader names them. */
function fieldNames(fields: readonly string[]): string {
  return fields.map((f) => (FIELD_NAMES[f] ? t(FIELD_NAMES[f]) : f)).join(', ');
}

/** The check's findings in words, the capture's first. */
function checkTexts(check: EvidenceCheck): { text: string; ok: boolean }[] {
  const { capture } = check;
  const found = [
    capture.state === 'match'
      ? { text: t('evidenceCaptureMatches'), ok: true }
      : capture.state === 'shortened'
        ? { text: t('evidenceCaptureShortened', fieldNames(capture.fields)), ok: true }
        : { text: t('evidenceCaptureMismatch'), ok: false },
  ];
  switch (check.copy.state) {
    case 'match':
      found.push({ text: t('evidenceCopyMatches'), ok: true });
      break;
    case 'mismatch':
      found.push({ text: t('evidenceCopyMismatch'), ok: false });
      break;
    case 'missing':
      found.push({ text: t('evidenceCopyMissing'), ok: false });
      break;
    case 'none':
      found.push({ text: t('evidenceCopyNone'), ok: true });
      break;
  }
  return found;
}

type CopyDownload = 'kept' | 'safe' | 'exact';

/** How a kept copy downloads: MHTML as kept; HTML made safe to open, or as its exact bytes. */
const DOWNLOADS: Record<
  PageCopyRef['format'],
  { as: CopyDownload; label: MessageKey; testId: string }[]
> = {
  mhtml: [{ as: 'kept', label: 'evidenceDownload', testId: 'log-evidence-download' }],
  html: [
    { as: 'safe', label: 'evidenceDownloadSafe', testId: 'log-evidence-download-safe' },
    { as: 'exact', label: 'evidenceDownloadExact', testId: 'log-evidence-download-exact' },
  ],
};

/**
 * Downloads the copy: MHTML as it was kept (browsers open it with scripts off); HTML either
 * made safe to open, or as its exact bytes in a text file, which no browser runs.
 */
async function downloadCopy(mention: Mention, as: CopyDownload): Promise<AppErrorData | null> {
  const reply = await ask('getPageCopy', { mentionId: mention.id });
  if (!reply.ok) return reply.error;
  const { format, savedAt, base64, sha256 } = reply.value;
  const bytes = await bytesOf(base64);
  const base = `vigie-${fileSlug(mention.site || mention.pageTitle)}-${savedAt.slice(0, 10)}`;
  if (as === 'safe') {
    const html = neutralizedCopy(await bytes.text(), sha256);
    downloadBlob(`${base}-safe.html`, new Blob([html], { type: COPY_TYPES.html }));
  } else if (as === 'exact') {
    downloadBlob(`${base}.html.txt`, new Blob([bytes], { type: 'text/plain' }));
  } else {
    downloadBlob(`${base}.${format}`, new Blob([bytes], { type: COPY_TYPES[format] }));
  }
  return null;
}

/** What was kept of the page, and its fingerprint. */
function CopyText({ copy }: { copy: PageCopyRef | null }) {
  if (!copy) return <p class="muted">{t('evidenceNoCopy')}</p>;
  const format = t(copy.format === 'mhtml' ? 'evidenceFormatMhtml' : 'evidenceFormatHtml');
  return (
    <>
      <p data-testid="log-evidence-copy">
        {t('evidenceCopy', [format, formatSize(copy.bytes), formatDateTime(copy.savedAt)])}
      </p>
      <p class="hash">{t('evidenceCopyHash', copy.sha256)}</p>
    </>
  );
}

export function EvidencePanel({ mention }: { mention: Mention }) {
  const [check, setCheck] = useState<EvidenceCheck | null>(null);
  const [busy, setBusy] = useState<'verify' | 'download' | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const copy = mention.evidence.pageCopy;
  const shortened = shortenedFields(mention);

  const verify = async () => {
    setBusy('verify');
    setError(null);
    setCheck(null);
    const reply = await ask('verifyEvidence', { mentionId: mention.id });
    setBusy(null);
    if (reply.ok) setCheck(reply.value);
    else setError(reply.error);
  };
  const download = async (as: CopyDownload) => {
    setBusy('download');
    setError(null);
    try {
      setError(await downloadCopy(mention, as));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="evidence small" data-testid="log-evidence" aria-label={t('evidenceTitle')}>
      <p class="hash">{t('evidenceCaptureHash', mention.evidence.captureSha256)}</p>
      {shortened.length > 0 && (
        <p data-testid="log-evidence-shortened">{t('evidenceShortened', fieldNames(shortened))}</p>
      )}
      <CopyText copy={copy} />
      <div class="meta">
        <button
          type="button"
          class="button"
          data-testid="log-evidence-verify"
          disabled={busy !== null}
          onClick={() => void verify()}
        >
          {t('evidenceVerify')}
        </button>
        {copy &&
          DOWNLOADS[copy.format].map(({ as, label, testId }) => (
            <button
              key={as}
              type="button"
              class="button"
              data-testid={testId}
              disabled={busy !== null}
              onClick={() => void download(as)}
            >
              {t(label)}
            </button>
          ))}
      </div>
      <CellCopy mention={mention} />
      <LiveRegion>
        {busy === 'verify' && <p class="muted">{t('evidenceVerifying')}</p>}
        {check && (
          <ul class="checks" data-testid="log-evidence-checks">
            {checkTexts(check).map(({ text, ok }) => (
              <li key={text} class={ok ? 'ok' : 'warn'}>
                {text}
              </li>
            ))}
          </ul>
        )}
      </LiveRegion>
      <ErrorMessage error={error} />
    </section>
  );
}
