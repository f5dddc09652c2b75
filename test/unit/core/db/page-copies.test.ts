import { describe, expect, it } from 'vitest';
import {
  addMention,
  deleteMentions,
  getMention,
  updateMention,
} from '../../../../src/core/db/mentions';
import {
  dropOrphanCopies,
  keepPageCopy,
  MAX_COPY_BYTES,
  readPageCopy,
  verifyEvidence,
} from '../../../../src/core/db/page-copies';
import { sha256Hex } from '../../../../src/core/model/hash';
import { applyMentionPatch, canonicalCapture } from '../../../../src/core/model/mention';
import type { Mention } from '../../../../src/core/model/types';
import { at, freshDB, mention } from '../../helpers';

/** A mention whose capture hash is the real one, as a flag computes it. */
async function flagged(overrides: Partial<Mention> = {}): Promise<Mention> {
  const m = mention(overrides);
  return {
    ...m,
    evidence: { captureSha256: await sha256Hex(canonicalCapture(m)), pageCopy: null },
  };
}

const page = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('page copies as evidence', () => {
  it('keeps a copy with its SHA-256 and verifies both hashes as matching', async () => {
    const db = await freshDB();
    const m = await flagged();
    await addMention(db, m);

    const outcome = await keepPageCopy(db, m.id, {
      format: 'mhtml',
      data: page('<html>Lumen Coffee is a scam</html>'),
      savedAt: at(5),
    });
    expect(outcome.kept).toBe(true);
    const ref = (await getMention(db, m.id))!.evidence.pageCopy!;
    expect(ref).toMatchObject({ format: 'mhtml', bytes: 35, savedAt: at(5) });
    // The well-known digest of those bytes, not a hash of something else.
    const { createHash } = await import('node:crypto');
    expect(ref.sha256).toBe(
      createHash('sha256').update('<html>Lumen Coffee is a scam</html>').digest('hex'),
    );
    expect(new TextDecoder().decode((await readPageCopy(db, m.id))!.data)).toBe(
      '<html>Lumen Coffee is a scam</html>',
    );

    const check = await verifyEvidence(db, m.id);
    expect(check?.capture.state).toBe('match');
    expect(check?.copy).toEqual({ state: 'match', saved: ref.sha256, computed: ref.sha256 });
  });

  it('keeps the hashes matching through edits of note, tags, tone and reach', async () => {
    const db = await freshDB();
    const m = await flagged();
    await addMention(db, m);
    await keepPageCopy(db, m.id, { format: 'html', data: page('<p>copy</p>'), savedAt: at(1) });
    await updateMention(db, m.id, (x) =>
      applyMentionPatch(
        x,
        { note: 'Called the author', tags: ['press', 'legal'], tone: 'neutral', reach: 'high' },
        at(9),
      ),
    );
    const check = await verifyEvidence(db, m.id);
    expect(check?.capture.state).toBe('match');
    expect(check?.copy.state).toBe('match');
  });

  it('says so when the quote or the copy was changed after the fact', async () => {
    const db = await freshDB();
    const m = await flagged();
    await addMention(db, m);
    await keepPageCopy(db, m.id, { format: 'html', data: page('<p>original</p>'), savedAt: at(1) });

    // Someone rewrites the stored quote and the stored copy behind Vigie's back.
    await updateMention(db, m.id, (x) => ({ ...x, quote: 'Lumen Coffee is great' }));
    const record = (await readPageCopy(db, m.id))!;
    await db.put('pageCopies', { ...record, data: page('<p>doctored</p>') });

    const check = await verifyEvidence(db, m.id);
    expect(check?.capture.state).toBe('mismatch');
    expect(check?.capture.computed).not.toBe(check?.capture.saved);
    expect(check?.copy.state).toBe('mismatch');
  });

  it('never replaces a kept copy, and refuses one over the size limit', async () => {
    const db = await freshDB();
    const m = await flagged();
    await addMention(db, m);
    await keepPageCopy(db, m.id, { format: 'html', data: page('first'), savedAt: at(1) });
    const again = await keepPageCopy(db, m.id, {
      format: 'html',
      data: page('second'),
      savedAt: at(2),
    });
    expect(again).toMatchObject({ kept: false, reason: 'already-kept' });
    expect(new TextDecoder().decode((await readPageCopy(db, m.id))!.data)).toBe('first');

    const other = await flagged({ url: 'https://other.example/' });
    await addMention(db, other);
    const huge = await keepPageCopy(db, other.id, {
      format: 'html',
      data: new ArrayBuffer(MAX_COPY_BYTES + 1),
      savedAt: at(3),
    });
    expect(huge).toMatchObject({ kept: false, reason: 'too-large' });
    expect((await getMention(db, other.id))!.evidence.pageCopy).toBeNull();
    expect(await db.count('pageCopies')).toBe(1);
  });

  it('tells a copy this browser does not hold from no copy at all', async () => {
    const db = await freshDB();
    const none = await flagged();
    await addMention(db, none);
    expect((await verifyEvidence(db, none.id))?.copy).toEqual({ state: 'none' });

    // A mention restored from a backup refers to a copy that stayed in the other browser.
    const restored = await flagged({ url: 'https://restored.example/' });
    const ref = {
      id: 'c1',
      format: 'mhtml' as const,
      sha256: 'b'.repeat(64),
      savedAt: at(1),
      bytes: 9,
    };
    await addMention(db, { ...restored, evidence: { ...restored.evidence, pageCopy: ref } });
    expect((await verifyEvidence(db, restored.id))?.copy).toEqual({
      state: 'missing',
      saved: 'b'.repeat(64),
    });
    expect(await verifyEvidence(db, 'no-such-mention')).toBeUndefined();
    expect(
      await keepPageCopy(db, 'no-such-mention', {
        format: 'html',
        data: page('x'),
        savedAt: at(1),
      }),
    ).toMatchObject({
      kept: false,
      reason: 'not-found',
    });
  });

  it('lets go of the copies of deleted mentions, but not of those an undo may bring back', async () => {
    const db = await freshDB();
    const [kept, undoable, gone] = await Promise.all([
      flagged({ url: 'https://a.example/' }),
      flagged({ url: 'https://b.example/' }),
      flagged({ url: 'https://c.example/' }),
    ]);
    for (const m of [kept!, undoable!, gone!]) {
      await addMention(db, m);
      await keepPageCopy(db, m.id, { format: 'html', data: page(m.url), savedAt: at(1) });
    }
    await deleteMentions(db, [undoable!.id, gone!.id], '2026-06-01T10:00:00.000Z');

    expect(await dropOrphanCopies(db, new Set([undoable!.id]))).toBe(1);
    expect(await readPageCopy(db, kept!.id)).toBeDefined();
    expect(await db.countFromIndex('pageCopies', 'mentionId', undoable!.id)).toBe(1);
    expect(await db.countFromIndex('pageCopies', 'mentionId', gone!.id)).toBe(0);
    // The undo window closed: nothing keeps that copy any more.
    expect(await dropOrphanCopies(db, new Set())).toBe(1);
    expect(await db.count('pageCopies')).toBe(1);
  });
});
