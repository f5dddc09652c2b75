/**
 * The settings' monitoring switch: turns monitoring on and off, and asks the browser for access
 * to pages on the user's click.
 */
import { useState } from 'preact/hooks';
import { browser } from '../../core/browser';
import { t } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import type { Settings } from '../../core/model/types';
import { ask } from '../../ui/background';
import { SaveBar, type Saved } from './section-form';

/** The access monitoring needs: every page the user opens. */
const ALL_PAGES = { origins: ['<all_urls>'] };

/** How long the browser may take to answer before the switch says it waits for the user. */
const ASKING_SAID_AFTER_MS = 400;

export function MonitoringSwitch(props: { settings: Settings; onSaved: Saved }) {
  const on = props.settings.monitoring;
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);

  const apply = async (wanted: boolean) => {
    const reply = await ask('setMonitoring', { on: wanted });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    props.onSaved(reply.value.settings);
    setStatus(
      !reply.value.granted
        ? t('watchMonitoringRefused')
        : wanted
          ? t('watchMonitoringTurnedOn')
          : t('watchMonitoringTurnedOff'),
    );
  };

  const toggle = () => {
    setStatus('');
    setError(null);
    setBusy(true);
    if (on) {
      void apply(false);
      return;
    }
    // Asked on the click itself, before anything is awaited: browsers ask the user only
    // during a gesture. A refusal leaves monitoring off, and says so. The switch waits for the
    // answer; past a moment (the access already granted answers at once), it says so, for a
    // prompt the user may not have seen.
    const waiting = setTimeout(() => setStatus(t('watchMonitoringAsking')), ASKING_SAID_AFTER_MS);
    const refused = () => {
      clearTimeout(waiting);
      setBusy(false);
      setStatus(t('watchMonitoringRefused'));
    };
    browser.permissions.request(ALL_PAGES).then((granted) => {
      clearTimeout(waiting);
      return granted ? apply(true) : refused();
    }, refused);
  };

  return (
    <div class="settings-form" data-testid="settings-monitoring">
      <div class="watch-switch">
        <button
          type="button"
          role="switch"
          id="monitoring-switch"
          class="switch"
          aria-checked={on ? 'true' : 'false'}
          aria-describedby="monitoring-state"
          disabled={busy}
          data-testid="settings-monitoring-switch"
          onClick={toggle}
        >
          <span class="switch-thumb" aria-hidden="true" />
        </button>
        <label for="monitoring-switch">{t('watchMonitoringLabel')}</label>
      </div>
      <p id="monitoring-state" class="small watch-state" data-testid="settings-monitoring-state">
        {on ? t('watchMonitoringOnState') : t('watchMonitoringOffState')}
      </p>
      <SaveBar status={status} error={error} />
    </div>
  );
}
