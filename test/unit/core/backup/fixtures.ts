/**
 * What the backup tests share: a small but complete log (every kind of record, text with commas,
 * quotes, line breaks and formula-like starts), a database seeded with it, the background's
 * backup handlers wired to the page's client as the runtime would (JSON in between), and a
 * snapshot of every store as stored.
 */
import { createBackupCalls } from '../../../../src/background/calls/backup';
import type { Staging } from '../../../../src/background/calls/backup-staging';
import { canonicalJson } from '../../../../src/core/backup/canonical';
import type { BackupData } from '../../../../src/core/backup/format';
import { saveCrisis } from '../../../../src/core/db/crises';
import { putMentions } from '../../../../src/core/db/mentions';
import type { VigieDatabase } from '../../../../src/core/db/open';
import { updateSettings } from '../../../../src/core/db/settings';
import type { BackgroundCalls, Envelope } from '../../../../src/core/messaging/protocol';
import { createClient, dispatch } from '../../../../src/core/messaging/rpc';
import { newCrisis } from '../../../../src/core/model/crisis';
import { mergeSettings } from '../../../../src/core/model/settings';
import { NO_TEMPLATES } from '../../../../src/core/model/templates';
import type { Crisis, CrisisEvent, Mention } from '../../../../src/core/model/types';
import type { Ask } from '../../../../src/dashboard/backup/backup-transfer';
import { at, mention } from '../../helpers';

/** A log whose ids all start with `prefix`, so that two logs never share a record. */
export function sampleLog(prefix: string): BackupData {
  const base = newCrisis({
    title: `${prefix} Refund storm, "scam" rumour`,
    level: 3,
    openedAt: at(0),
    checklist: [
      { id: 'stop-damage', label: '', temporary: false },
      { id: 'temporary-fix', label: 'Pause the ads', temporary: true },
    ],
    stakeholders: [
      {
        id: `${prefix}-p1`,
        name: 'Alice, CEO',
        role: 'boss',
        channel: 'email',
        contact: 'a@x.example',
        key: true,
        lang: 'fr',
        greeting: 'Alice',
      },
    ],
  });
  const storm: Crisis = {
    ...base,
    id: `${prefix}-c1`,
    step: 'plan',
    steps: { react: 'done', assess: 'done', inform: 'done', plan: 'pending', learn: 'pending' },
    updatedAt: at(90),
    inform: {
      ...base.inform,
      stakeholders: base.inform.stakeholders.map((p) => ({
        ...p,
        informedAt: at(70),
        message: {
          subject: 'Ce que nous savons',
          body: 'Bonjour Alice,\n…',
          lang: 'fr',
          variant: 'holding',
        },
      })),
      lang: 'fr',
      variant: 'holding',
      fault: 'unknown',
    },
    assess: {
      damages: [
        {
          id: `${prefix}-d1`,
          area: 'social',
          customArea: '',
          degree: 4,
          cost: 1200.5,
          currency: 'EUR',
          note: 'Threads on two forums',
          mentionIds: [`${prefix}-m1`],
          accepted: false,
        },
        {
          id: `${prefix}-d2`,
          area: 'custom',
          customArea: 'Franchisees',
          degree: 2,
          cost: 0,
          currency: 'EUR',
          note: '',
          mentionIds: [],
          accepted: true,
        },
      ],
    },
    plan: {
      actions: [
        {
          id: `${prefix}-a1`,
          what: 'Refund every order, "no questions", within 48 h',
          damageId: `${prefix}-d1`,
          owner: 'Bob',
          due: at(3000),
          status: 'doing',
          replacesChecklistId: 'temporary-fix',
        },
        {
          id: `${prefix}-a2`,
          what: '=HYPERLINK("http://evil.example")\nthen call',
          damageId: `${prefix}-d2`,
          owner: '@ops',
          due: null,
          status: 'todo',
          replacesChecklistId: null,
        },
      ],
      apologies: [{ id: `${prefix}-ap1`, party: 'Customers', sentAt: at(80), note: 'Posted' }],
      updates: [
        {
          id: `${prefix}-u1`,
          sentAt: at(85),
          subject: 'Where we stand',
          text: 'We are rectifying.',
        },
      ],
    },
  };
  const quiet: Crisis = {
    ...newCrisis({ title: `${prefix} Old review`, level: 1, openedAt: at(-5000), checklist: [] }),
    id: `${prefix}-c2`,
    state: 'closed',
    step: 'closed',
    closedAt: at(-4000),
    updatedAt: at(-4000),
    learn: {
      whatHappened: 'A bad review',
      whys: ['Late delivery', 'Carrier change'],
      decision: 'Switch back',
      circumstances: 'Holidays',
      rootCause: 'logistics',
      precautions: [
        { id: `${prefix}-pr1`, what: 'Two carriers', owner: 'Eve', due: null, done: true },
      ],
      watchTerms: ['late delivery'],
    },
  };
  const mentions: Mention[] = [
    mention({
      id: `${prefix}-m1`,
      url: `https://news.example/${prefix}/a#comments`,
      quote: `${prefix}: Lumen Coffee is a scam, "avoid"`,
      crisisId: storm.id,
      triagedAt: at(5),
      note: 'Seen, replied, line one\nline two',
      tags: ['press', 'forum, fr'],
      capturedAt: at(1),
      updatedAt: at(6),
      toneSource: 'user',
    }),
    mention({
      id: `${prefix}-m2`,
      url: `https://forum.example/${prefix}/t/1`,
      site: 'forum.example',
      quote: `-${prefix} worst service ever`,
      capturedAt: at(2),
      lang: 'fr',
      reach: 'high',
    }),
    mention({
      id: `${prefix}-m3`,
      url: `https://shop.example/${prefix}`,
      site: 'shop.example',
      kind: 'page',
      quote: '',
      selectors: null,
      pageTitle: 'Shop, reviews',
      capturedAt: at(3),
      crisisId: quiet.id,
      triagedAt: at(4),
      captureLimit: 'unscriptable',
      tone: 'neutral',
      reach: 'low',
    }),
    mention({
      id: `${prefix}-m4`,
      url: `https://img.example/${prefix}`,
      kind: 'image',
      quote: '',
      selectors: null,
      srcUrl: `https://img.example/${prefix}.png`,
      linkUrl: null,
      capturedAt: at(4),
      evidence: {
        captureSha256: 'b'.repeat(64),
        pageCopy: {
          id: `${prefix}-copy`,
          format: 'mhtml',
          sha256: 'c'.repeat(64),
          savedAt: at(4),
          bytes: 1234,
        },
      },
      note: '+33 6 12 34 56 78',
    }),
  ];
  const events: CrisisEvent[] = [
    {
      id: `${prefix}-e1`,
      crisisId: storm.id,
      at: at(0),
      type: 'opened',
      actor: 'user',
      data: { level: 3, title: storm.title },
    },
    {
      id: `${prefix}-e2`,
      crisisId: storm.id,
      at: at(1),
      type: 'mention-linked',
      actor: 'user',
      data: { mentionId: `${prefix}-m1` },
    },
    {
      id: `${prefix}-e3`,
      crisisId: storm.id,
      at: at(30),
      type: 'step-done',
      actor: 'user',
      data: { step: 'react' },
    },
    {
      id: `${prefix}-e4`,
      crisisId: storm.id,
      at: at(40),
      type: 'reminder-sent',
      actor: 'vigie',
      data: { kind: 'react-half', late: false, extra: null },
    },
    {
      id: `${prefix}-e5`,
      crisisId: quiet.id,
      at: at(-5000),
      type: 'opened',
      actor: 'user',
      data: { level: 1 },
    },
    {
      id: `${prefix}-e6`,
      crisisId: quiet.id,
      at: at(-4000),
      type: 'closed',
      actor: 'user',
      data: {},
    },
  ];
  const settings = mergeSettings(undefined, {
    reactionTargetsHours: { 1: 48, 2: 12, 3: 2, 4: 0.5 },
    stakeholders: [
      {
        id: `${prefix}-s1`,
        name: 'Dana',
        role: 'client',
        channel: 'phone',
        contact: '+1 555',
        key: false,
        lang: null,
        greeting: '',
      },
    ],
    watchlist: [{ id: `${prefix}-w1`, term: `${prefix} Lumen`, aliases: ['Lumen Café'] }],
    wordRules: [{ word: `${prefix}-war-zone`, rule: 'never-negative' }],
    templates: {
      inform: {
        ...NO_TEMPLATES.inform,
        apology: {
          en: { subject: '{crisis}', body: 'Dear {greeting}' },
          fr: { subject: '', body: '' },
        },
      },
      update: {
        ...NO_TEMPLATES.update,
        holding: { en: { subject: '', body: '' }, fr: { subject: 'Point', body: 'Bonjour' } },
      },
    },
    backupReminderDays: 7,
  });
  return { mentions, crises: [storm, quiet], events, settings };
}

/** Writes a log into the database through the repositories, as Vigie itself would. */
export async function seed(db: VigieDatabase, log: BackupData): Promise<void> {
  for (const crisis of log.crises) {
    await saveCrisis(
      db,
      crisis,
      log.events.filter((e) => e.crisisId === crisis.id),
    );
  }
  await putMentions(db, log.mentions);
  await updateSettings(db, log.settings);
}

/**
 * Every record of every store as stored (index keys and the search's posting lists included),
 * sorted by key: the whole log. Written as canonical JSON: the order of a record's fields is not
 * part of it (a record read back from a backup file has its fields in the file's order).
 */
export async function snapshot(db: VigieDatabase): Promise<string> {
  const [mentions, crises, events, settings, postingKeys, postings] = await Promise.all([
    db.getAll('mentions'),
    db.getAll('crises'),
    db.getAll('events'),
    db.getAll('settings'),
    db.getAllKeys('postings'),
    db.getAll('postings'),
  ]);
  return canonicalJson({ mentions, crises, events, settings, postingKeys, postings });
}

/** The extension's origin in these tests, and the blob: URL its page makes of a file. */
export const ORIGIN = 'chrome-extension://vigie-test';
export const fileUrl = (name: string) => `blob:${ORIGIN}/${name}`;

/**
 * The backup calls of a background on `db`, reached as the page reaches them. `files`: the
 * texts behind the blob: URLs the background can read (any other fails to be read).
 */
export function wire(
  db: VigieDatabase,
  imports = new Map<string, Staging>(),
  now = () => new Date('2026-11-25T10:00:00.000Z'),
  files = new Map<string, string>(),
): { ask: Ask; imports: Map<string, Staging>; changes: number[] } {
  const changes: number[] = [];
  const readUrl = async (url: string) => {
    const text = files.get(url);
    if (text === undefined) throw new TypeError('Failed to fetch');
    return text;
  };
  const handlers = createBackupCalls(
    { db, now, appVersion: () => '0.1.0', changed: () => changes.push(1), readUrl, origin: ORIGIN },
    imports,
  );
  const ask = createClient<BackgroundCalls>(async (envelope: Envelope<unknown>) => {
    // The runtime hands over a JSON copy, both ways.
    const message = JSON.parse(JSON.stringify(envelope)) as unknown;
    const reply = await dispatch(handlers, message, null);
    return JSON.parse(JSON.stringify(reply)) as unknown;
  });
  return { ask, imports, changes };
}
