/**
 * A page copy's place in the team cell, in the evidence panel of a mention of a shared crisis:
 * "Share the page copy with the cell" while only this browser has it, then that the cell has
 * it; a copy another member shared and this browser still lacks is said to be on its way.
 * Nothing shows with no cell connected, or for a mention no shared crisis holds.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { MAX_SHARED_COPY_BYTES, type CopySharing } from '../../core/model/evidence';
import type { Mention } from '../../core/model/types';
import { ask } from '../../ui/background';
import { ErrorMessage, LiveRegion } from '../../ui/components';
import { formatSize } from '../../ui/format';

export function CellCopy({ mention }: { mention: Mention }) {
  const [sharing, setSharing] = useState<CopySharing | 'sending' | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const hasCopy = mention.evidence.pageCopy !== null;
  useEffect(() => {
    void ask('getCopySharing', { mentionId: mention.id }).then(
      (reply) => reply.ok && setSharing(reply.value.sharing),
    );
  }, [mention.id, hasCopy]);

  const share = async () => {
    setSharing('sending');
    setError(null);
    const reply = await ask('sharePageCopy', { mentionId: mention.id });
    if (reply.ok) setSharing(reply.value.sharing);
    else {
      setSharing('can-share');
      setError(reply.error);
    }
  };

  const text =
    sharing === 'shared'
      ? t(hasCopy ? 'evidenceCopyShared' : 'evidenceCopyComing')
      : sharing === 'too-large'
        ? t('evidenceCopyTooLarge', formatSize(MAX_SHARED_COPY_BYTES))
        : sharing === 'can-share'
          ? t('evidenceCopyLocal')
          : sharing === 'sending'
            ? t('evidenceCopySharing')
            : null;
  if (text === null && !error) return null;
  return (
    <div data-testid="log-evidence-cell">
      <LiveRegion>{text && <p class="muted">{text}</p>}</LiveRegion>
      {sharing === 'can-share' && (
        <button
          type="button"
          class="button"
          data-testid="log-evidence-share-copy"
          onClick={() => void share()}
        >
          {t('evidenceShareCopy')}
        </button>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
