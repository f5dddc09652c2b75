import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../fake-browser';

vi.mock('../../../src/core/browser', () => ({ browser: fakeBrowser({}).browser }));

const { badgeView, BADGE_COLORS } = await import('../../../src/background/badge');

describe('badge', () => {
  it('shows the mentions to triage when no crisis is open', () => {
    expect(badgeView(3, 0, false)).toMatchObject({ text: '3', color: BADGE_COLORS.inbox });
    expect(badgeView(0, 0, false).text).toBe('');
  });

  it('shows open crises first, red once a reaction is overdue, and spells both out', () => {
    const view = badgeView(12, 2, false);
    expect(view).toMatchObject({ text: '2', color: BADGE_COLORS.crisis });
    expect(view.title).toContain('12 mentions to triage');
    expect(view.title).toContain('2 open crises');
    expect(badgeView(12, 2, true).color).toBe(BADGE_COLORS.overdue);
    expect(badgeView(0, 1500, false).text).toBe('999+');
  });
});
