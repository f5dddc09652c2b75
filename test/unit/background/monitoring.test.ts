/**
 * Monitoring's switch with a fake browser: the monitoring script is registered only while
 * monitoring is wanted and the access to pages granted, and unregistered otherwise.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  highlightStyles,
  MONITOR_SCRIPT_ID,
  reconcileMonitoring,
  startWatch,
  switchMonitoring,
  type MonitoringApis,
} from '../../../src/background/monitoring';

interface Script {
  id: string;
  [key: string]: unknown;
}

/** The browser as far as the switch sees it: registrations, the permission, the open tabs. */
function fakeBrowser(granted: boolean) {
  const registered = new Map<string, Script>();
  const sent: { tabId: number; call: string }[] = [];
  const state = { granted, removals: 0 };
  const apis = {
    scripting: {
      async getRegisteredContentScripts(filter?: { ids?: string[] }) {
        return [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
      },
      async registerContentScripts(scripts: Script[]) {
        for (const s of scripts) {
          // As Chromium does: an id registered twice is an error.
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
      },
      async unregisterContentScripts(filter?: { ids?: string[] }) {
        for (const id of filter?.ids ?? [...registered.keys()]) {
          if (!registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
        }
      },
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) =>
        state.granted && origins.every((o) => o === '<all_urls>'),
      remove: async () => {
        state.removals += 1;
        state.granted = false;
        return true;
      },
    },
    tabs: {
      query: async () => [{ id: 1 }, { id: 2 }, {}],
      async sendMessage(tabId: number, message: { call: string }) {
        sent.push({ tabId, call: message.call });
        // Tab 2 shows a page without Vigie's script: nobody answers there.
        if (tabId === 2) throw new Error('Could not establish connection.');
        return { ok: true, value: {} };
      },
    },
  };
  return { apis: apis as unknown as MonitoringApis, registered, sent, state };
}

describe('monitoring on and off', () => {
  it('registers the monitoring script for every page, once, when access is granted', async () => {
    const fake = fakeBrowser(true);
    const save = vi.fn(async () => undefined);
    expect(await switchMonitoring(fake.apis, true, save)).toBe(true);
    expect([...fake.registered.values()]).toEqual([
      {
        id: MONITOR_SCRIPT_ID,
        // Only the start script: the watch is added once the page has loaded (startWatch).
        js: ['monitor-start.js'],
        matches: ['<all_urls>'],
        runAt: 'document_start',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
    expect(save).toHaveBeenCalledExactlyOnceWith(true);
    // Pages whose watch was stopped before start again.
    expect(fake.sent.map((m) => m.call)).toEqual(['monitorRefresh', 'monitorRefresh']);

    // Asked twice: still one registration, no error.
    expect(await switchMonitoring(fake.apis, true, save)).toBe(true);
    expect(fake.registered.size).toBe(1);
  });

  it('stays off, injecting nothing, when the browser did not grant access to pages', async () => {
    const fake = fakeBrowser(false);
    const save = vi.fn(async () => undefined);
    expect(await switchMonitoring(fake.apis, true, save)).toBe(false);
    expect(fake.registered.size).toBe(0);
    expect(save).toHaveBeenCalledExactlyOnceWith(false);
    // Nothing to give back: the permission was not there.
    expect(fake.state.removals).toBe(0);
  });

  it('turned off: unregisters, clears every page, saves, and gives the access back', async () => {
    const fake = fakeBrowser(true);
    const save = vi.fn(async () => undefined);
    await switchMonitoring(fake.apis, true, save);
    fake.sent.length = 0;
    expect(await switchMonitoring(fake.apis, false, save)).toBe(false);
    expect(fake.registered.size).toBe(0);
    expect(save).toHaveBeenLastCalledWith(false);
    expect(fake.sent).toEqual([
      { tabId: 1, call: 'monitorClear' },
      { tabId: 2, call: 'monitorClear' },
    ]);
    expect(fake.state).toEqual({ granted: false, removals: 1 });
    // Off twice: nothing left to unregister, no error.
    expect(await switchMonitoring(fake.apis, false, save)).toBe(false);
  });

  it('makes one change at a time: a start of the background cannot undo a click', async () => {
    const fake = fakeBrowser(true);
    let stored = false;
    const save = async (on: boolean) => {
      stored = on;
    };
    // The click wakes the worker: its start reconciles, reading the setting not yet saved.
    const both = await Promise.all([
      switchMonitoring(fake.apis, true, save),
      reconcileMonitoring(fake.apis, async () => stored, save),
    ]);
    expect(both).toEqual([true, true]);
    expect(stored).toBe(true);
    expect(fake.registered.size).toBe(1);
  });

  it('follows the setting and the permission each time the background starts', async () => {
    // Wanted and granted: registered again if the browser lost the registration.
    const fake = fakeBrowser(true);
    const save = vi.fn(async () => undefined);
    expect(await reconcileMonitoring(fake.apis, async () => true, save)).toBe(true);
    expect(fake.registered.has(MONITOR_SCRIPT_ID)).toBe(true);
    expect(save).not.toHaveBeenCalled();

    // The user took the access back in the browser's settings: unregistered, setting off.
    fake.state.granted = false;
    expect(await reconcileMonitoring(fake.apis, async () => true, save)).toBe(false);
    expect(fake.registered.size).toBe(0);
    expect(save).toHaveBeenCalledExactlyOnceWith(false);
    expect(fake.sent.map((m) => m.call)).toEqual(['monitorClear', 'monitorClear']);

    // Not wanted: a registration left over (say, by an older version) goes.
    const other = fakeBrowser(true);
    await other.apis.scripting.registerContentScripts([{ id: MONITOR_SCRIPT_ID, js: [] }]);
    expect(await reconcileMonitoring(other.apis, async () => false, save)).toBe(false);
    expect(other.registered.size).toBe(0);
    expect(save).toHaveBeenCalledOnce();
  });

  it('replaces a registration kept from an earlier version that named other files', async () => {
    const fake = fakeBrowser(true);
    // Registrations outlive updates: an earlier Vigie registered the watch itself.
    await fake.apis.scripting.registerContentScripts([
      { id: MONITOR_SCRIPT_ID, js: ['monitor.js'], css: ['monitor.css'], runAt: 'document_idle' },
    ]);
    expect(await reconcileMonitoring(fake.apis, async () => true, vi.fn())).toBe(true);
    const kept = fake.registered.get(MONITOR_SCRIPT_ID);
    expect(kept?.js).toEqual(['monitor-start.js']);
    expect(kept?.css).toBeUndefined();
    expect(kept?.runAt).toBe('document_start');

    // The same files at another time: replaced too.
    const later = fakeBrowser(true);
    await later.apis.scripting.registerContentScripts([
      { id: MONITOR_SCRIPT_ID, js: ['monitor-start.js'], runAt: 'document_idle' },
    ]);
    await reconcileMonitoring(later.apis, async () => true, vi.fn());
    expect(later.registered.get(MONITOR_SCRIPT_ID)?.runAt).toBe('document_start');
  });
});

describe('the watch added to a loaded page', () => {
  it('adds the script alone to the top frame of that tab; the stylesheet only when shown', async () => {
    const calls: { what: string; target: unknown; files: string[] }[] = [];
    const scripting = {
      insertCSS: async (o: { target: unknown; files: string[] }) => {
        calls.push({ what: 'css', ...o });
      },
      removeCSS: async (o: { target: unknown; files: string[] }) => {
        calls.push({ what: 'no css', ...o });
      },
      executeScript: async (o: { target: unknown; files: string[] }) => {
        calls.push({ what: 'js', ...o });
        return [];
      },
    };
    const apis = scripting as unknown as Parameters<typeof startWatch>[0];
    await startWatch(apis, 7);
    expect(calls).toEqual([
      { what: 'js', target: { tabId: 7, frameIds: [0] }, files: ['monitor.js'] },
    ]);
    await highlightStyles(apis, 7, true);
    await highlightStyles(apis, 7, false);
    expect(calls.slice(1)).toEqual([
      { what: 'css', target: { tabId: 7, frameIds: [0] }, files: ['monitor.css'] },
      { what: 'no css', target: { tabId: 7, frameIds: [0] }, files: ['monitor.css'] },
    ]);
  });
});
