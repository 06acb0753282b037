// Choosing the receipt printer, like the scanners (ScannerSetup.tsx): the serial ports and USB printers main can
// see, or a network printer's host:port; the paper width, the code page (French accents), the command language,
// CJK mode and the drawer; then a test page. Saved to settings.json; the next slip uses it (docs/printing.md).
import { useCallback, useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { PRINTER_CODEPAGES, PRINTER_LANGUAGES, type PaperColumns, type PrintFault, type PrinterCodepage, type PrinterLanguage } from '../../preload/printer-options.js';
import type { MessageKey } from '../shared/i18n/translate.js';
import { useApp } from '../shared/app-context.js';
import { pushToast } from '../shared/toast-store.js';
import { useManagerCall } from './manager-api.js';

type Setup = ChannelResponse<'printer:setup'>;
type Found = ChannelResponse<'printer:discover'>;
type Kind = 'none' | 'tcp' | 'serial' | 'usb';

const BAUDS = [9600, 19200, 38400, 115200];
const FAULT_WORDS: Record<PrintFault, MessageKey> = {
  'paper-out': 'errorCode.PRINTER_PAPER_OUT', 'cover-open': 'errorCode.PRINTER_COVER_OPEN', offline: 'errorCode.PRINTER_OFFLINE',
  timeout: 'errorCode.PRINTER_TIMEOUT', 'not-configured': 'errorCode.PRINTER_NOT_CONFIGURED',
};

function splitTarget(target: string | null): { kind: Kind; address: string; path: string; baud: number } {
  const tcp = target ? /^tcp:\/\/(.+)$/.exec(target) : null;
  if (tcp) return { kind: 'tcp', address: tcp[1] as string, path: '', baud: 9600 };
  const serial = target ? /^serial:([^@]+)@(\d+)$/.exec(target) : null;
  if (serial) return { kind: 'serial', address: '', path: serial[1] as string, baud: Number(serial[2]) };
  const usb = target ? /^usb:(.+)$/.exec(target) : null;
  if (usb) return { kind: 'usb', address: '', path: usb[1] as string, baud: 9600 };
  return { kind: 'none', address: '', path: '', baud: 9600 };
}

export function PrinterSetup() {
  const { t } = useApp();
  const mcall = useManagerCall();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [kind, setKind] = useState<Kind>('none');
  const [address, setAddress] = useState('');
  const [path, setPath] = useState('');
  const [baud, setBaud] = useState(9600);
  const [columns, setColumns] = useState<PaperColumns>(48);
  const [codepage, setCodepage] = useState<PrinterCodepage>('cp858');
  const [language, setLanguage] = useState<PrinterLanguage>('esc-pos');
  const [cjk, setCjk] = useState(false);
  const [drawer, setDrawer] = useState(true);
  const [busy, setBusy] = useState(false);

  const apply = useCallback((s: Setup) => {
    setSetup(s);
    const parts = splitTarget(s.target);
    setKind(parts.kind);
    setAddress(parts.address);
    setPath(parts.path);
    setBaud(parts.baud);
    setColumns(s.columns);
    setCodepage(s.codepage);
    setLanguage(s.language);
    setCjk(s.cjk);
    setDrawer(s.drawer);
  }, []);

  const discover = useCallback(async () => {
    const result = await mcall('printer:discover', {});
    if (result) setFound(result);
  }, [mcall]);

  useEffect(() => {
    void mcall('printer:setup', {}).then((s) => s && apply(s));
    void discover();
  }, [mcall, apply, discover]);

  const target = (): string | null => {
    if (kind === 'tcp') return address.includes('://') ? address : `tcp://${address}`;
    if (kind === 'serial') return `serial:${path}@${baud}`;
    if (kind === 'usb') return `usb:${path}`;
    return null;
  };

  const save = async (): Promise<boolean> => {
    setBusy(true);
    const s = await mcall('printer:save', { target: target(), columns, codepage, language, cjk, drawer });
    setBusy(false);
    if (!s) return false;
    apply(s);
    pushToast(t('printer.saved'), 'info');
    return true;
  };

  const test = async () => {
    if (!(await save())) return;
    setBusy(true);
    const ok = await mcall('printer:test', {});
    setBusy(false);
    if (ok) pushToast(t('printer.testSent'), 'info');
  };

  const choice = (active: boolean, testId: string, label: string, onClick: () => void, key: string) => (
    <button key={key} type="button" className={`btn btn-lg btn-choice${active ? ' is-active' : ''}`} aria-pressed={active} data-testid={testId} onClick={onClick}>
      {label}
    </button>
  );

  return (
    <div className="panel printer-setup" data-testid="printer-setup">
      <div className="row">
        <h3>{t('printer.setup')}</h3>
        <button type="button" className="btn btn-lg" data-testid="printer-discover" disabled={busy} onClick={() => void discover()}>
          ↻ {t('printer.search')}
        </button>
      </div>
      {setup?.configured ? (
        <p className="hint" data-testid="printer-state">
          {setup.target}
          {setup.fault ? ` · ${t(FAULT_WORDS[setup.fault])}` : ''}
          {setup.drawerOpen !== null ? ` · ${t('printer.drawerState', { state: t(setup.drawerOpen ? 'printer.drawerOpen' : 'printer.drawerClosed') })}` : ''}
        </p>
      ) : null}
      <div className="choices">
        {choice(kind === 'none', 'printer-none', t('printer.none'), () => setKind('none'), 'none')}
        {choice(kind === 'tcp', 'printer-kind-tcp', t('printer.kindTcp'), () => setKind('tcp'), 'tcp')}
        {(found?.serial ?? []).map((s) => choice(kind === 'serial' && path === s.path, 'printer-serial-choice', `${t('printer.kindSerial')}: ${s.label}`, () => { setKind('serial'); setPath(s.path); }, `s-${s.path}`))}
        {(found?.usb ?? []).map((u) => choice(kind === 'usb' && path === u.path, 'printer-usb-choice', `${t('printer.kindUsb')}: ${u.path}`, () => { setKind('usb'); setPath(u.path); }, `u-${u.path}`))}
        {kind === 'serial' && !(found?.serial ?? []).some((s) => s.path === path) && path ? choice(true, 'printer-serial-choice', `${t('printer.kindSerial')}: ${path}`, () => undefined, 'saved-serial') : null}
        {kind === 'usb' && !(found?.usb ?? []).some((u) => u.path === path) && path ? choice(true, 'printer-usb-choice', `${t('printer.kindUsb')}: ${path}`, () => undefined, 'saved-usb') : null}
      </div>
      <div className="row">
        {kind === 'tcp' ? (
          <label className="field-label">
            {t('printer.address')}
            <input className="field" data-testid="printer-address" value={address} placeholder="192.0.2.10:9100" maxLength={200} onChange={(e) => setAddress(e.target.value.trim())} />
          </label>
        ) : null}
        {kind === 'serial' ? (
          <label className="field-label">
            {t('scanners.baud')}
            <select className="field" data-testid="printer-baud" value={baud} onChange={(e) => setBaud(Number(e.target.value))}>
              {BAUDS.map((b) => <option key={b} value={b}>{b}</option>)}
            </select>
          </label>
        ) : null}
        <label className="field-label">
          {t('printer.width')}
          <select className="field" data-testid="printer-width" value={columns} onChange={(e) => setColumns(Number(e.target.value) === 32 ? 32 : 48)}>
            <option value={48}>{t('printer.width48')}</option>
            <option value={32}>{t('printer.width32')}</option>
          </select>
        </label>
        <label className="field-label">
          {t('printer.codepage')}
          <select className="field" data-testid="printer-codepage" value={codepage} onChange={(e) => setCodepage(e.target.value as PrinterCodepage)}>
            {PRINTER_CODEPAGES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label className="field-label">
          {t('printer.language')}
          <select className="field" data-testid="printer-language" value={language} onChange={(e) => setLanguage(e.target.value as PrinterLanguage)}>
            {PRINTER_LANGUAGES.map((l) => <option key={l} value={l}>{l === 'esc-pos' ? 'ESC/POS' : 'StarPRNT'}</option>)}
          </select>
        </label>
      </div>
      <div className="row">
        <label className="check">
          <input type="checkbox" data-testid="printer-cjk" checked={cjk} onChange={(e) => setCjk(e.target.checked)} /> {t('printer.cjk')}
        </label>
        <label className="check">
          <input type="checkbox" data-testid="printer-drawer" checked={drawer} onChange={(e) => setDrawer(e.target.checked)} /> {t('printer.openDrawer')}
        </label>
      </div>
      <div className="row">
        <button type="button" className="btn btn-primary btn-lg" data-testid="printer-save" disabled={busy || (kind === 'tcp' && address.length < 3)} onClick={() => void save()}>
          {t('printer.save')}
        </button>
        <button type="button" className="btn btn-lg" data-testid="printer-test" disabled={busy || kind === 'none'} onClick={() => void test()}>
          {t('printer.test')}
        </button>
      </div>
    </div>
  );
}
