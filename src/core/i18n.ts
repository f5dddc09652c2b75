/**
 * Vigie's user-visible text, all through browser.i18n. Keys are checked at compile time
 * against the English catalogue; a test checks that French has every key.
 */
import type en from '../_locales/en/messages.json';
import { browser } from './browser';

export type MessageKey = keyof typeof en;

/** The message for `key` in the browser's language, with $1…$9 substitutions. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The UI language Vigie is shown in ('fr' or 'en'). */
export function uiLanguage(): 'fr' | 'en' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const CHECKLIST_KEYS: Readonly<Record<string, MessageKey>> = {
  'stop-damage': 'checklistStopDamage',
  'holding-statement': 'checklistHoldingStatement',
  'temporary-fix': 'checklistTemporaryFix',
  escalate: 'checklistEscalate',
};

/** A built-in containment checklist item's text in the UI language; '' for the user's own. */
export function builtInChecklistLabel(id: string): string {
  const key = Object.hasOwn(CHECKLIST_KEYS, id) ? CHECKLIST_KEYS[id] : undefined;
  return key ? t(key) : '';
}
