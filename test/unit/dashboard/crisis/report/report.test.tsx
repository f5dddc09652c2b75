// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newCrisis } from '../../../../../src/core/model/crisis';
import { DEFAULT_SETTINGS } from '../../../../../src/core/model/settings';
import type { Crisis, CrisisEvent, Mention } from '../../../../../src/core/model/types';
import { at, mention } from '../../../helpers';
import { fakeBrowser, unnamedControls, type Answers } from '../../../fake-browser';

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeBrowser> | null }));
vi.mock('../../../../../src/core/browser', () => ({
  get browser() {
    return fake.current!.browser;
  },
}));

const ok = <T,>(value: T) => ({ ok: true as const, value });

/** A level-3 crisis detected at 09:00, contained at 10:30, everyone informed at 11:00, closed. */
function closedCrisis(): { crisis: Crisis; events: CrisisEvent[] } {
  const base = newCrisis({
    title: 'Refund storm <script>alert(1)</script>',
    level: 3,
    openedAt: at(0),
    checklist: [
      { id: 'stop-damage', label: 'Stop further damage', temporary: false },
      { id: 'temporary-fix', label: 'Temporary fix', temporary: true },
    ],
  });
  const crisis: Crisis = {
    ...base,
    step: 'closed',
    state: 'closed',
    closedAt: at(60 * 24),
    steps: { react: 'done', assess: 'done', inform: 'done', plan: 'skipped', learn: 'done' },
    react: {
      checklist: base.react.checklist.map((item, i) =>
        i === 0 ? { ...item, done: true, doneAt: at(30) } : item,
      ),
    },
    assess: {
      damages: [
        {
          id: 'd1',
          area: 'social',
          customArea: '',
          degree: 2,
          cost: 500,
          currency: 'EUR',
          note: 'a | pipe\nand a line',
          mentionIds: [],
          accepted: false,
        },
        {
          id: 'd2',
          area: 'customers',
          customArea: '',
          degree: 5,
          cost: 12000,
          currency: 'EUR',
          note: '',
          mentionIds: [],
          accepted: false,
        },
      ],
    },
    inform: {
      ...base.inform,
      stakeholders: [
        {
          id: 's1',
          name: 'Jane Boss',
          role: 'boss',
          channel: 'email',
          contact: 'jane@example.com',
          key: true,
          informedAt: at(120),
          lang: null,
          greeting: '',
          message: null,
        },
        {
          id: 's2',
          name: 'Sam Partner',
          role: 'partner',
          channel: '',
          contact: '',
          key: false,
          informedAt: null,
          lang: null,
          greeting: '',
          message: null,
        },
      ],
    },
    plan: {
      actions: [
        {
          id: 'a1',
          what: 'Refund every order of 12 Nov',
          damageId: 'd2',
          owner: 'Lea',
          due: at(600),
          status: 'done',
          replacesChecklistId: null,
        },
      ],
      apologies: [{ id: 'p1', party: 'Customers', sentAt: at(300), note: '' }],
      updates: [
        {
          id: 'u1',
          sentAt: at(400),
          subject: 'Where we stand',
          text: 'We are officially rectifying the charges.',
        },
      ],
    },
    learn: {
      whatHappened: 'A faulty batch charged customers twice.',
      whys: ['The batch ran twice', 'No lock on the job', ''],
      decision: 'Add a lock',
      circumstances: 'Black Friday load',
      rootCause: 'process',
      precautions: [{ id: 'pr1', what: 'Lock the job', owner: 'Ops', due: at(2000), done: false }],
      watchTerms: ['double charge'],
    },
  };
  const event = (minutes: number, type: CrisisEvent['type'], data: CrisisEvent['data'] = {}) => ({
    id: `${type}-${minutes}`,
    crisisId: crisis.id,
    at: at(minutes),
    type,
    actor: 'user' as const,
    data,
  });
  const events: CrisisEvent[] = [
    event(0, 'opened', { level: 3 }),
    event(90, 'checklist-done', { itemId: 'stop-damage', label: 'Stop further damage' }),
    event(95, 'step-done', { step: 'react' }),
    event(120, 'stakeholder-informed', { stakeholderId: 's1', name: 'Jane Boss' }),
    event(60 * 24, 'closed', { from: 'learn', to: 'closed' }),
  ];
  return { crisis, events };
}

async function buildDoc(mentions: Mention[] = []) {
  const { buildReport } = await import('../../../../../src/dashboard/crisis/report/report');
  const { crisis, events } = closedCrisis();
  return buildReport({
    crisis,
    events,
    mentions,
    mentionTotal: mentions.length,
    repeats: [
      {
        crisisId: 'old',
        title: 'Earlier refund storm',
        openedAt: at(-60 * 24 * 90),
        by: 'root-cause',
        shared: 'process',
      },
    ],
    settings: DEFAULT_SETTINGS,
    now: Date.parse(at(60 * 25)),
  });
}

beforeEach(() => {
  fake.current = fakeBrowser({});
});

afterEach(async () => {
  const { render } = await import('preact');
  const app = document.getElementById('app');
  if (app) render(null, app);
  fake.current = null;
});

describe('closing report', () => {
  it('gives the metrics from the journal: reacted in 1 h 30 within the 4 h target, informed in 2 h', async () => {
    const doc = await buildDoc();
    const metrics = doc.sections.find((s) => s.id === 'metrics')!.blocks[0]!;
    expect(metrics).toEqual({
      kind: 'fields',
      rows: [
        ['Time to react (first containment action)', '1 h 30 min'],
        ['Reaction target (4 h 00 min)', 'Met'],
        ['Time to inform every key stakeholder', '2 h 00 min'],
        ['Time to resolve', '1 d 0 h'],
      ],
    });
  });

  it('has every part the user hands over, in order', async () => {
    const doc = await buildDoc();
    expect(doc.sections.map((s) => s.id)).toEqual([
      'summary',
      'metrics',
      'mentions',
      'containment',
      'assessment',
      'informed',
      'actions',
      'lessons',
      'timeline',
    ]);
  });

  it('writes Markdown that ranks the damage, says who was informed when, and keeps the error in view', async () => {
    const { reportMarkdown } =
      await import('../../../../../src/dashboard/crisis/report/report-markdown');
    const md = reportMarkdown(await buildDoc([mention({ quote: 'They charged me *twice*' })]));
    // The worst damage first, with its cost; the total of both rows.
    const ranking = md.slice(md.indexOf('## Damage assessment'));
    expect(ranking.indexOf('Customers')).toBeLessThan(ranking.indexOf('Social networks'));
    expect(md).toContain('€12,000');
    expect(md).toMatch(/Total.*€12,500/);
    // The key stakeholder and when; the one not informed is said to be so.
    expect(md).toMatch(/\| Jane Boss \(key\) \| Boss \| email — jane@example\.com \| .+ \|/);
    expect(md).toMatch(/\| Sam Partner \| Partner \| — \| Not informed \|/);
    // Lessons, the chain of whys (blank ones dropped) and the repeat of an earlier crisis.
    expect(md).toContain('1. The batch ran twice\n2. No lock on the job\n\n');
    expect(md).toContain('Earlier refund storm');
    // The user's text stays text: markup escaped, a pipe and a line break cannot break a table.
    expect(md).toContain('# Refund storm \\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('They charged me \\*twice\\*');
    expect(md).toContain('a \\| pipe and a line');
  });

  it('downloads as an HTML page of its own that prints and shows the crisis as text', async () => {
    const { reportHtml } = await import('../../../../../src/dashboard/crisis/report/report-view');
    const html = reportHtml(await buildDoc());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@media print');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Refund storm &lt;script&gt;alert(1)&lt;/script&gt;');
    const page = new DOMParser().parseFromString(html, 'text/html');
    expect(page.title).toBe('Refund storm <script>alert(1)</script>');
    expect([...page.querySelectorAll('h2')].map((h) => h.textContent)).toContain('Timeline');
    expect(page.querySelectorAll('[data-section="timeline"] tbody tr')).toHaveLength(5);
  });

  it('is shown when a closed crisis opens, and copies itself as Markdown', async () => {
    const { crisis, events } = closedCrisis();
    const answers: Answers = {
      getCrisis: () => ok({ crisis, events }),
      getSettings: () => ok(DEFAULT_SETTINGS),
      getRepeats: () => ok([]),
      getCounts: () => ok({ untriaged: 0, inbox: 0, mentions: 1, openCrises: 0 }),
      listMentions: () => ok({ items: [mention({ crisisId: crisis.id })], total: 1, next: null }),
    };
    fake.current = fakeBrowser(answers);
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    location.hash = `#crisis/${crisis.id}`;
    document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'app' }));
    vi.resetModules();
    await import('../../../../../src/dashboard/main');
    await vi.waitFor(() => expect(document.querySelector('[data-testid="report"]')).not.toBeNull());

    const report = document.querySelector('[data-testid="report"]')!;
    expect(report.querySelector('.report-title')?.textContent).toBe(crisis.title);
    const copy = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Copy as Markdown',
    )!;
    copy.click();
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledOnce());
    expect(String(writeText.mock.calls[0]![0 as never])).toContain('## Metrics');
    await vi.waitFor(() =>
      expect(document.querySelector('[role="status"]')?.textContent).toContain('Report copied'),
    );
    // The reopen button is there, and every control has a name.
    expect([...document.querySelectorAll('button')].map((b) => b.textContent)).toContain('Reopen');
    expect(unnamedControls(document.body)).toEqual([]);
  });
});
