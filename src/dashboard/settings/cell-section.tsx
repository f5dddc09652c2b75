/**
 * The settings' team cell: connect this log to a CouchDB server the team runs (tested first,
 * its origin asked of the browser on the click), the status of the sync, the default for new
 * crises, and disconnecting, keeping or removing the shared crises.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../core/browser';
import { t, tn } from '../../core/i18n';
import type { AppErrorData, CellStatus, CellTarget } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import { cellStatusText } from '../../ui/format';
import { SaveBar } from './section-form';

const EMPTY: CellTarget = { server: 'https://', db: '', user: '', password: '' };

/** The origin pattern the browser is asked for: the server's alone. */
function originOf(server: string): string | null {
  try {
    const url = new URL(server.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.origin}/*` : null;
  } catch {
    return null;
  }
}

function TargetField(props: {
  id: keyof CellTarget;
  label: string;
  value: string;
  type?: string;
  onInput: (value: string) => void;
}) {
  return (
    <div class="settings-field">
      <label for={`cell-${props.id}`}>{props.label}</label>
      <input
        id={`cell-${props.id}`}
        type={props.type ?? 'text'}
        autocomplete={props.type === 'password' ? 'current-password' : 'off'}
        spellcheck={false}
        class="cell-input"
        value={props.value}
        data-testid={`cell-${props.id}`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** A checkbox or a radio button with its text after it, on one line. */
function Choice(props: {
  type: 'checkbox' | 'radio';
  name?: string;
  checked: boolean;
  testid?: string;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
}) {
  return (
    <label class="settings-check">
      <input
        type={props.type}
        name={props.name}
        checked={props.checked}
        data-testid={props.testid}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />{' '}
      {props.children}
    </label>
  );
}

function ConnectForm(props: { onConnected: (status: CellStatus) => void }) {
  const [target, setTarget] = useState(EMPTY);
  const [shareNew, setShareNew] = useState(true);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const set = (field: keyof CellTarget) => (value: string) =>
    setTarget((before) => ({ ...before, [field]: value }));

  const run = (connect: boolean) => {
    setStatus('');
    setError(null);
    const origin = originOf(target.server);
    if (!origin) return setError({ code: 'cell', message: 'bad-url' });
    setBusy(true);
    // Asked on the click itself, before anything is awaited: browsers ask only in a gesture.
    browser.permissions.request({ origins: [origin] }).then(
      async (granted) => {
        if (!granted) {
          setBusy(false);
          return setError({ code: 'cell', message: 'refused' });
        }
        if (!connect) {
          const reply = await ask('testCell', { target });
          setBusy(false);
          if (!reply.ok) return setError(reply.error);
          const test = reply.value;
          if (!test.ok) return setError({ code: 'cell', message: test.failure });
          return setStatus(
            tn('cellTestOk', test.docCount, [test.version, test.user, String(test.docCount)]),
          );
        }
        const reply = await ask('connectCell', { target, shareNew });
        setBusy(false);
        if (!reply.ok) return setError(reply.error);
        props.onConnected(reply.value);
      },
      () => {
        setBusy(false);
        setError({ code: 'cell', message: 'refused' });
      },
    );
  };

  return (
    <form
      class="settings-form"
      data-testid="cell-connect"
      onSubmit={(e) => {
        e.preventDefault();
        run(true);
      }}
    >
      <TargetField
        id="server"
        label={t('cellServer')}
        value={target.server}
        onInput={set('server')}
      />
      <TargetField id="db" label={t('cellDatabase')} value={target.db} onInput={set('db')} />
      <TargetField id="user" label={t('cellUser')} value={target.user} onInput={set('user')} />
      <TargetField
        id="password"
        type="password"
        label={t('cellPassword')}
        value={target.password}
        onInput={set('password')}
      />
      <Choice type="checkbox" checked={shareNew} testid="cell-share-new" onChange={setShareNew}>
        {t('cellShareNew')}
      </Choice>
      <SaveBar status={status} error={error}>
        <button
          type="button"
          class="button"
          disabled={busy}
          data-testid="cell-test"
          onClick={() => run(false)}
        >
          {t('cellTest')}
        </button>
        <button
          type="submit"
          class="button primary"
          disabled={busy}
          data-testid="cell-connect-button"
        >
          {t('cellConnect')}
        </button>
      </SaveBar>
    </form>
  );
}

/** How often the status shown is read again while the section is open. */
const STATUS_EVERY_MS = 3_000;

function Connected(props: { cell: CellStatus; onChanged: (status: CellStatus | null) => void }) {
  const { cell, onChanged } = props;
  // The sync runs in the background: its status (last synced, waiting) is read again and again.
  useEffect(() => {
    const timer = setInterval(() => {
      void ask('getCellStatus', {}).then((reply) => reply.ok && onChanged(reply.value));
    }, STATUS_EVERY_MS);
    return () => clearInterval(timer);
  }, [onChanged]);
  const [forget, setForget] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);

  const syncNow = async () => {
    setError(null);
    const reply = await ask('syncCell', {});
    if (!reply.ok) return setError(reply.error);
    const fresh = await ask('getCellStatus', {});
    if (fresh.ok) props.onChanged(fresh.value);
    if (reply.value.failure) setError({ code: 'cell', message: reply.value.failure });
    else setStatus(t('cellSynced'));
  };
  const shareNew = async (on: boolean) => {
    const reply = await ask('setCellShareNew', { shareNew: on });
    if (reply.ok) props.onChanged(reply.value);
    else setError(reply.error);
  };
  const disconnect = async () => {
    const reply = await ask('disconnectCell', { forget });
    if (!reply.ok) return setError(reply.error);
    props.onChanged(null);
  };

  return (
    <div class="settings-form" data-testid="cell-connected">
      <p>{t('cellConnectedTo', [cell.db, cell.server, cell.user])}</p>
      <p class="small" data-testid="cell-status">
        {cellStatusText(cell)}
      </p>
      <Choice
        type="checkbox"
        checked={cell.shareNew}
        testid="cell-share-new"
        onChange={(on) => void shareNew(on)}
      >
        {t('cellShareNew')}
      </Choice>
      <SaveBar status={status} error={error}>
        <button type="button" class="button" data-testid="cell-sync" onClick={() => void syncNow()}>
          {t('cellSyncNow')}
        </button>
      </SaveBar>
      <fieldset class="settings-fieldset">
        <legend>{t('cellDisconnectTitle')}</legend>
        <Choice type="radio" name="cell-forget" checked={!forget} onChange={() => setForget(false)}>
          {t('cellKeepCopies')}
        </Choice>
        {cell.shared.length > 0 && (
          <Choice
            type="radio"
            name="cell-forget"
            checked={forget}
            testid="cell-forget"
            onChange={() => setForget(true)}
          >
            {tn('cellForgetCopies', cell.shared.length, String(cell.shared.length))}
          </Choice>
        )}
        {cell.waiting > 0 && (
          <p class="small warning">
            {tn('cellDisconnectWaiting', cell.waiting, String(cell.waiting))}
          </p>
        )}
        <button
          type="button"
          class="button"
          data-testid="cell-disconnect"
          onClick={() => void disconnect()}
        >
          {t('cellDisconnect')}
        </button>
      </fieldset>
    </div>
  );
}

export function CellSection() {
  const [cell, setCell] = useState<CellStatus | null | undefined>(undefined);
  useEffect(() => {
    void ask('getCellStatus', {}).then((reply) => setCell(reply.ok ? reply.value : null));
  }, []);
  if (cell === undefined) return <p class="muted">{t('loading')}</p>;
  return cell ? (
    <Connected cell={cell} onChanged={setCell} />
  ) : (
    <ConnectForm onConnected={setCell} />
  );
}
