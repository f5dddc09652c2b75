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

/** The messages said in plural forms: `<key>_one`, `<key>_other`, and any its language has. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? Base : never;
}[MessageKey];

let plurals: Intl.PluralRules | null = null;

/**
 * The message for `key` in the plural form `count` takes in the UI language (Intl.PluralRules:
 * French says "1 mention", "0 mention", "2 mentions"), with $1…$9 substitutions. A form the
 * catalogue lacks (French "many") falls back to `<key>_other`.
 */
export function tn(key: PluralKey, count: number, substitutions: string | string[]): string {
  plurals ??= new Intl.PluralRules(uiLanguage());
  return (
    browser.i18n.getMessage(`${key}_${plurals.select(count)}`, substitutions) ||
    browser.i18n.getMessage(`${key}_other`, substitutions) ||
    key
  );
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
