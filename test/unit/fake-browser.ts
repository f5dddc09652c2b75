/**
 * A fake `browser` for component tests: i18n from the real English catalogue, and a background
 * that answers each call of the contract from a table the test fills.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Envelope, Result } from '../../src/core/messaging/protocol';

const catalogue = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../src/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export type Answers = Record<string, (args: never) => Result<unknown>>;

export function fakeBrowser(answers: Answers) {
  const calls: { call: string; args: unknown }[] = [];
  return {
    calls,
    browser: {
      i18n: {
        getMessage(key: string, subs?: string | string[]) {
          const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
          const entry = catalogue[key];
          // As browsers do: named $PLACEHOLDERS$ first, then $1…$9 substitutions.
          const named = (entry?.message ?? '').replace(
            /\$(\w+)\$/g,
            (whole, name: string) => entry?.placeholders?.[name.toLowerCase()]?.content ?? whole,
          );
          return named.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
        },
        getUILanguage: () => 'en-US',
      },
      runtime: {
        async sendMessage(envelope: Envelope<unknown>) {
          calls.push({ call: String(envelope.call), args: envelope.args });
          const answer = answers[String(envelope.call)];
          return answer
            ? answer(envelope.args as never)
            : { ok: false, error: { code: 'internal', message: 'no fake' } };
        },
        getURL: (path: string) => `chrome-extension://test/${path}`,
        openOptionsPage: async () => undefined,
      },
      tabs: {
        query: async () => [{ id: 7, url: 'https://news.example/a', title: 'News' }],
        create: async () => ({}),
      },
    },
  };
}

/** Every button, link and form field has a name a screen reader can say. */
export function unnamedControls(root: ParentNode): string[] {
  return [...root.querySelectorAll('button, a, input, select, textarea')].flatMap((el) => {
    const labelled =
      (el.textContent ?? '').trim() ||
      el.getAttribute('aria-label') ||
      el.closest('label') ||
      (el.id && root.querySelector(`label[for="${el.id}"]`));
    return labelled ? [] : [`<${el.tagName.toLowerCase()} class="${el.className}">`];
  });
}

/**
 * A `browser.storage` area over a map, values cloned in and out as the browser does; past
 * `quota.bytes` of JSON, a write fails as the browser's does.
 */
export function storageArea(
  map: Map<string, unknown>,
  quota: { bytes: number } = { bytes: Infinity },
) {
  const size = () => [...map.values()].reduce<number>((n, v) => n + JSON.stringify(v).length, 0);
  return {
    async get(key: string | string[] | null) {
      if (key === null)
        return Object.fromEntries([...map].map(([k, v]) => [k, structuredClone(v)]));
      return Object.fromEntries(
        [key].flat().flatMap((k) => (map.has(k) ? [[k, structuredClone(map.get(k))]] : [])),
      );
    },
    async set(items: Record<string, unknown>) {
      const adding = Object.values(items).reduce<number>((n, v) => n + JSON.stringify(v).length, 0);
      if (size() + adding > quota.bytes) throw new Error('Resource::kQuotaBytes quota exceeded');
      for (const [k, v] of Object.entries(items)) map.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of [keys].flat()) map.delete(k);
    },
  };
}
