// Journal verification (the hash chain), scanner health, and the last live gateway check.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { useManagerCall } from './manager-api.js';
import { useMayCall } from './manager-may.js';
import { RecentScansPanel } from './RecentScansPanel.js';
import { ScannerSetup } from './ScannerSetup.js';

type GatewayCheck = ChannelResponse<'gateway:lastCheck'>;

/**
 * What the last `npm run pos -- gateway check` found (main/iotpay/gateway-check.ts), in words; the gateway's codes
 * only under "technical details".
 */
function GatewayCheckPanel({ view }: { view: GatewayCheck }) {
  const { t, locale, info } = useApp();
  const check = view.check;
  if (view.training) return <p className="hint" data-testid="gateway-check">{t('system.gatewayTraining')}</p>;
  if (!check) return <p className="hint" data-testid="gateway-check">{t('system.gatewayNone')}</p>;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: info.timeZone }).format(check.checkedAt);
  const clock = check.clockSkewMs === null
    ? t('system.gatewayClockUnknown')
    : check.clockSkewed
      ? t('system.gatewayClockSkewed', { seconds: Math.round(Math.abs(check.clockSkewMs) / 1000) })
      : t('system.gatewayClockOk');
  return (
    <div data-testid="gateway-check" data-applied={check.applied}>
      <p>{t('system.gatewayWhen', { when })}</p>
      {check.applied ? null : <p className="hint">{t('system.gatewayOtherAccount')}</p>}
      <ul className="scanner-list">
        {check.probes.map((p) => (
          <li key={p.endpoint} data-testid="gateway-probe" data-signature={p.signature}>
            <strong>{t(`system.gatewayProbe.${p.endpoint}`)}</strong> · {t(`system.gatewaySignature.${p.signature}`)}
            {p.rttMs !== null && p.answered ? ` · ${t('system.gatewayRoundTrip', { ms: p.rttMs })}` : ''}
          </li>
        ))}
      </ul>
      <p className={check.clockSkewed ? 'verify-result bad' : undefined}>{clock}</p>
      <p className="hint">{t('system.gatewayNextStart')}</p>
      <details className="tech-details" data-testid="technical-details">
        <summary>{t('manager.technicalDetails')}</summary>
        <ul>
          {check.probes.map((p) => <li key={p.endpoint}>{p.technical}</li>)}
          {view.rules.map((r) => <li key={r.answer}>{r.answer}: {r.rule}</li>)}
        </ul>
      </details>
    </div>
  );
}

export function SystemTab() {
  const { t } = useApp();
  const mcall = useManagerCall();
  // A supervisor verifies the journal; scanners and the gateway check are a manager's (preload/contract.ts `staff`).
  const may = useMayCall();
  const scannersAllowed = may('scanners:status');
  const gatewayAllowed = may('gateway:lastCheck');
  const [verify, setVerify] = useState<ChannelResponse<'journal:verify'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanners, setScanners] = useState<ChannelResponse<'scanners:status'> | null>(null);
  const [gateway, setGateway] = useState<GatewayCheck | null>(null);

  const loadScanners = useCallback(async () => {
    if (!scannersAllowed) return;
    const s = await mcall('scanners:status', {});
    if (s) setScanners(s);
  }, [mcall, scannersAllowed]);

  useEffect(() => {
    void loadScanners();
  }, [loadScanners]);

  useEffect(() => {
    if (!gatewayAllowed) return;
    void mcall('gateway:lastCheck', {}).then((g) => {
      if (g) setGateway(g);
    });
  }, [mcall, gatewayAllowed]);

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
      {scannersAllowed ? (<>
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
      {may('scanners:discover') ? <ScannerSetup onSaved={() => void loadScanners()} /> : null}
      </>) : null}
      {gatewayAllowed ? <h3>{t('system.gateway')}</h3> : null}
      {gateway ? <GatewayCheckPanel view={gateway} /> : null}
    </section>
  );
}
