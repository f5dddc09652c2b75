/**
 * The context menu: "Flag mention", "Flag into a new crisis" and one "Flag into ‹crisis›" per
 * recent open crisis, on selections, links, images and pages. The browser groups them under
 * Vigie's name. Rebuilds are queued so that two never interleave.
 */
import { browser, type Menus } from '../core/browser';
import { t } from '../core/i18n';
import { recentOpenCrises } from '../core/db/crises';
import type { FlagInto } from '../core/messaging/protocol';
import { database } from './database';

export const MENU_FLAG = 'flag-mention';
export const MENU_NEW_CRISIS = 'flag-into-new-crisis';
export const MENU_INTO_PREFIX = 'flag-into:';
export const RECENT_CRISES_IN_MENU = 5;

const CONTEXTS: Menus.ContextType[] = ['selection', 'link', 'image', 'page'];

/** Where a menu item files the flag; null for ids that are not Vigie's flag items. */
export function flagIntoFromMenuId(id: string | number): FlagInto | null {
  const key = String(id);
  if (key === MENU_FLAG) return { to: 'inbox' };
  if (key === MENU_NEW_CRISIS) return { to: 'new-crisis' };
  if (key.startsWith(MENU_INTO_PREFIX))
    return { to: 'crisis', crisisId: key.slice(MENU_INTO_PREFIX.length) };
  return null;
}

function create(props: Menus.CreateCreatePropertiesType): Promise<void> {
  return new Promise((resolve) => {
    browser.contextMenus.create(props, () => {
      // Reading lastError acknowledges it: a duplicate id after a racing rebuild is harmless.
      void browser.runtime.lastError;
      resolve();
    });
  });
}

let queue: Promise<void> = Promise.resolve();

/** Rebuilds the menu from the database: the fixed items, then the recent open crises. */
export function rebuildMenus(): Promise<void> {
  queue = queue
    .then(async () => {
      const crises = await recentOpenCrises(await database(), RECENT_CRISES_IN_MENU);
      await browser.contextMenus.removeAll();
      await create({ id: MENU_FLAG, title: t('menuFlag'), contexts: CONTEXTS });
      await create({ id: MENU_NEW_CRISIS, title: t('menuFlagNewCrisis'), contexts: CONTEXTS });
      if (crises.length > 0) {
        await create({ id: 'separator', type: 'separator', contexts: CONTEXTS });
      }
      for (const crisis of crises) {
        const title = crisis.title.length > 50 ? `${crisis.title.slice(0, 49)}…` : crisis.title;
        await create({
          id: `${MENU_INTO_PREFIX}${crisis.id}`,
          // "&" marks an access key in menu titles; a crisis title's own "&" must stay text.
          title: t('menuFlagInto', title.replace(/&/g, '&&')),
          contexts: CONTEXTS,
        });
      }
    })
    .catch((error: unknown) => console.error('Vigie: menus', error));
  return queue;
}
