// Choosing the scanners: the devices main can see (serial ports, HID interfaces), one serial port with its
// speed and framing, and one HID device. Saving restarts the scanner service at once.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { BAUD_RATES, SUFFIXES } from '../../preload/manager-limits.js';
import { useApp } from '../shared/app-context.js';
import { pushToast } from '../shared/toast-store.js';
import { useManagerCall, type ManagerRequest } from './manager-api.js';

type Candidate = ChannelResponse<'scanners:discover'>['candidates'][number];
type Saved = ChannelResponse<'settings:get'>['scanners'][number];
type Suffix = (typeof SUFFIXES)[number];
type Hid = { vendorId: number; productId: number; usagePage?: number; interfaceNumber?: number };
type ScannerList = NonNullable<ManagerRequest<'settings:update'>['scanners']>;

const TIMEOUT = 'timeout';
const hex = (n: number) => n.toString(16).padStart(4, '0');
const hidId = (h: Hid) => `${hex(h.vendorId)}:${hex(h.productId)}:${h.usagePage ?? ''}:${h.interfaceNumber ?? ''}`;

export function ScannerSetup({ onSaved }: { onSaved: () => void }) {
  const { t } = useApp();
  const mcall = useManagerCall();
  const [found, setFound] = useState<ChannelResponse<'scanners:discover'> | null>(null);
  const [serialPath, setSerialPath] = useState('');
  const [baud, setBaud] = useState(9600);
  const [framing, setFraming] = useState<Suffix | typeof TIMEOUT>('CR');
  const [hid, setHid] = useState<Hid | null>(null);
  const [saved, setSaved] = useState<Saved[]>([]);
  const [busy, setBusy] = useState(false);

  const discover = useCallback(async () => {
    setBusy(true);
    const result = await mcall('scanners:discover', {});
    setBusy(false);
    if (result) setFound(result);
  }, [mcall]);

  useEffect(() => {
    void mcall('settings:get', {}).then((s) => {
      if (!s) return;
      setSaved(s.scanners);
      for (const sc of s.scanners) {
        if (sc.kind === 'serial') {
          setSerialPath(sc.path);
          setBaud(sc.baudRate);
          setFraming(sc.framing.kind === 'suffix' && (SUFFIXES as readonly string[]).includes(sc.framing.suffix ?? '') ? (sc.framing.suffix as Suffix) : TIMEOUT);
        } else {
          setHid({ vendorId: sc.vendorId, productId: sc.productId, usagePage: sc.usagePage, interfaceNumber: sc.interfaceNumber });
        }
      }
    });
    void discover();
  }, [mcall, discover]);

  const serials = (found?.candidates ?? []).filter((c) => c.kind === 'serial' && c.path);
  const hids = (found?.candidates ?? []).filter((c) => c.kind !== 'serial' && c.vendorId !== undefined && c.productId !== undefined);
  const savedSerial = saved.find((s) => s.kind === 'serial');
  const savedHid = saved.find((s) => s.kind === 'hid');
  const hidOf = (c: Candidate): Hid => ({ vendorId: c.vendorId ?? 0, productId: c.productId ?? 0, usagePage: c.usagePage, interfaceNumber: c.interfaceNumber });

  const save = async () => {
    const scanners: ScannerList = [];
    if (serialPath) scanners.push({ kind: 'serial', path: serialPath, baudRate: baud, framing: framing === TIMEOUT ? { kind: 'timeout', gapMs: 50 } : { kind: 'suffix', suffix: framing } });
    if (hid) {
      const { usagePage, interfaceNumber } = hid;
      scanners.push({ kind: 'hid', vendorId: hid.vendorId, productId: hid.productId, ...(usagePage === undefined ? {} : { usagePage }), ...(interfaceNumber === undefined ? {} : { interfaceNumber }) });
    }
    setBusy(true);
    const result = await mcall('settings:update', { scanners });
    setBusy(false);
    if (result) {
      setSaved(result.scanners);
      pushToast(t('scanners.saved'), 'info');
      onSaved();
    }
  };

  const choice = (active: boolean, testId: string, label: string, onClick: () => void, key: string) => (
    <button key={key} type="button" className={`btn btn-lg btn-choice${active ? ' is-active' : ''}`} aria-pressed={active} data-testid={testId} onClick={onClick}>
      {label}
    </button>
  );

  return (
    <div className="panel scanner-setup" data-testid="scanner-setup">
      <div className="row">
        <h3>{t('scanners.setup')}</h3>
        <button type="button" className="btn btn-lg" data-testid="scanner-discover" disabled={busy} onClick={() => void discover()}>
          ↻ {t('scanners.search')}
        </button>
      </div>
      {found?.problems.map((p) => (
        <p key={p.code} className="bad">
          {p.message}
        </p>
      ))}
      {found && found.candidates.length === 0 ? <p className="hint">{t('scanners.noDevices')}</p> : null}
      <h4>{t('scanners.serial')}</h4>
      <div className="attempt-choices">
        {choice(serialPath === '', 'scanner-serial-none', t('scanners.none'), () => setSerialPath(''), 'none')}
        {serials.map((c) => choice(serialPath === c.path, 'scanner-serial-choice', c.label, () => setSerialPath(c.path ?? ''), c.id))}
        {savedSerial?.kind === 'serial' && !serials.some((c) => c.path === savedSerial.path)
          ? choice(serialPath === savedSerial.path, 'scanner-serial-choice', t('scanners.notConnected', { name: savedSerial.path }), () => setSerialPath(savedSerial.path), 'saved')
          : null}
      </div>
      {serialPath ? (
        <div className="row">
          <label className="field-label">
            {t('scanners.baud')}
            <select className="field" data-testid="scanner-baud" value={baud} onChange={(e) => setBaud(Number(e.target.value))}>
              {BAUD_RATES.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </label>
          <label className="field-label">
            {t('scanners.framing')}
            <select className="field" data-testid="scanner-framing" value={framing} onChange={(e) => setFraming(e.target.value as Suffix | typeof TIMEOUT)}>
              {SUFFIXES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
              <option value={TIMEOUT}>{t('scanners.framingTimeout')}</option>
            </select>
          </label>
        </div>
      ) : null}
      <h4>{t('scanners.hid')}</h4>
      <div className="attempt-choices">
        {choice(hid === null, 'scanner-hid-none', t('scanners.none'), () => setHid(null), 'none')}
        {hids.map((c) =>
          choice(hid !== null && hidId(hid) === hidId(hidOf(c)), 'scanner-hid-choice', `${c.label}${c.preferred ? ` · ${t('scanners.default')}` : ''}`, () => setHid(hidOf(c)), c.id + (c.path ?? '')),
        )}
        {savedHid?.kind === 'hid' && !hids.some((c) => hidId(hidOf(c)) === hidId(savedHid))
          ? choice(hid !== null && hidId(hid) === hidId(savedHid), 'scanner-hid-choice', t('scanners.notConnected', { name: `${hex(savedHid.vendorId)}:${hex(savedHid.productId)}` }), () => setHid(savedHid), 'saved')
          : null}
      </div>
      <button type="button" className="btn btn-primary btn-lg" data-testid="scanner-save" disabled={busy} onClick={() => void save()}>
        {t('scanners.save')}
      </button>
    </div>
  );
}
