// Journal verification (the hash chain) and scanner health.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { useManagerCall } from './manager-api.js';
import { RecentScansPanel } from './RecentScansPanel.js';
import { ScannerSetup } from './ScannerSetup.js';

export function SystemTab() {
  const { t } = useApp();
  const mcall = useManagerCall();
  const [verify, setVerify] = useState<ChannelResponse<'journal:verify'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanners, setScanners] = useState<ChannelResponse<'scanners:status'> | null>(null);

  const loadScanners = useCallback(async () => {
    const s = await mcall('scanners:status', {});
    if (s) setScanners(s);
  }, [mcall]);

  useEffect(() => {
    void loadScanners();
  }, [loadScanners]);

  const runVerify = async () => {
    setBusy(true);
    const result = await mcall('journal:verify', {});
    setBusy(false);
    if (result) setVerify(result);
  };

  return (
    <section className="tab-body narrow">
      <h3>{t('system.journal')}</h3>
      <button type="button" className="btn btn-primary btn-lg" data-testid="journal-verify" disabled={busy} onClick={() => void runVerify()}>
        {t('system.verify')}
      </button>
      {verify ? (
        <p className={`verify-result ${verify.ok ? 'ok' : 'bad'}`} data-testid="journal-result" data-ok={verify.ok}>
          {verify.ok
            ? t('system.verifyOk', { events: verify.events })
            : t('system.verifyBroken', { seq: verify.firstBrokenSeq ?? '?', reason: verify.reason ?? '' })}
        </p>
      ) : null}
      <div className="row">
        <h3>{t('system.scanners')}</h3>
        <button type="button" className="btn btn-lg" data-testid="scanners-refresh" onClick={() => void loadScanners()}>
          ↻ {t('common.refresh')}
        </button>
      </div>
      {scanners && scanners.devices.length === 0 ? <p className="hint">{t('system.noScanners')}</p> : null}
      <ul className="scanner-list">
        {scanners?.devices.map((d) => (
          <li key={d.deviceId}>
            <strong>{d.deviceId}</strong> · {d.state}
            {d.message ? ` · ${d.message}` : ''}
          </li>
        ))}
      </ul>
      {scanners ? <RecentScansPanel status={scanners} /> : null}
      <ScannerSetup onSaved={() => void loadScanners()} />
    </section>
  );
}
