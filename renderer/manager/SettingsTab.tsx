// Settings. Only changed fields are sent. The merchant key is write-only: its field is never pre-filled and
// is cleared once main has stored it (docs/style.md §4); the screen only learns whether one is stored.
import { useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { LOCALES, LOCALE_NAMES, isLocale } from '../shared/locale.js';
import { pushToast } from '../shared/toast-store.js';
import { GST_NUMBER, QST_NUMBER } from '../../preload/manager-limits.js';
import { isProvinceCode, PROVINCE_CODES } from '../../preload/provinces.js';
import { useManagerCall, type ManagerRequest } from './manager-api.js';
import { MerchantKeyForm } from './MerchantKeyForm.js';
import { StoreConnectionForm } from './StoreConnectionForm.js';
import { TimersForm } from './TimersForm.js';
import { WedgeForm } from './WedgeForm.js';
import { PrinterSetup } from './PrinterSetup.js';
import { TaxRatesForm } from './TaxRatesForm.js';

type Settings = ChannelResponse<'settings:get'>;
type Draft = { terminalId: string; storeName: string; storeTimeZone: string; locale: string; mchId: string; loginName: string; newPin: string; confirmPin: string; gstNumber: string; qstNumber: string; discountApprovalPercent: string; province: string };

// The same checks main applies (preload/manager-limits.ts), so a typo is caught before it is sent.
const compact = (v: string) => v.replace(/\s/g, '').toUpperCase();

function draftOf(s: Settings): Draft {
  return { terminalId: s.terminalId, storeName: s.storeName, storeTimeZone: s.storeTimeZone, locale: s.locale, mchId: s.mchId ?? '', loginName: s.loginName ?? '', newPin: '', confirmPin: '', gstNumber: s.gstNumber ?? '', qstNumber: s.qstNumber ?? '', discountApprovalPercent: String(s.discountApprovalPercent), province: s.province };
}

export function SettingsTab() {
  const { t } = useApp();
  const mcall = useManagerCall();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void mcall('settings:get', {}).then((s) => {
      if (s) {
        setSettings(s);
        setDraft(draftOf(s));
      }
    });
  }, [mcall]);

  if (!settings || !draft) return <p className="hint">{t('common.loading')}</p>;

  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });

  const save = async () => {
    if (draft.newPin !== draft.confirmPin) {
      pushToast(t('settings.pinMismatch'));
      return;
    }
    const gst = compact(draft.gstNumber);
    const qst = compact(draft.qstNumber);
    if (gst !== '' && !GST_NUMBER.test(gst)) {
      pushToast(t('settings.gstNumberInvalid'));
      return;
    }
    if (qst !== '' && !QST_NUMBER.test(qst)) {
      pushToast(t('settings.qstNumberInvalid'));
      return;
    }
    // Discounts above this percent need a manager's PIN at the till (docs/register.md "Discounts").
    const discountPercent = /^\d{1,3}$/.test(draft.discountApprovalPercent.trim()) ? Number(draft.discountApprovalPercent.trim()) : NaN;
    if (!(discountPercent >= 0 && discountPercent <= 100)) {
      pushToast(t('settings.discountApprovalInvalid'));
      return;
    }
    const changes: ManagerRequest<'settings:update'> = {};
    if (discountPercent !== settings.discountApprovalPercent) changes.discountApprovalPercent = discountPercent;
    if (gst !== (settings.gstNumber ?? '')) changes.gstNumber = gst;
    if (qst !== (settings.qstNumber ?? '')) changes.qstNumber = qst;
    if (draft.terminalId !== settings.terminalId) changes.terminalId = draft.terminalId.trim().toUpperCase();
    if (draft.storeName.trim() !== settings.storeName) changes.storeName = draft.storeName.trim();
    if (draft.storeTimeZone !== settings.storeTimeZone) changes.storeTimeZone = draft.storeTimeZone.trim();
    if (draft.locale !== settings.locale && isLocale(draft.locale)) changes.locale = draft.locale;
    if (draft.mchId !== (settings.mchId ?? '') && draft.mchId.trim()) changes.mchId = draft.mchId.trim();
    if (draft.loginName !== (settings.loginName ?? '') && draft.loginName.trim()) changes.loginName = draft.loginName.trim();
    if (draft.newPin) changes.newPin = draft.newPin;
    // The province applies to sales opened after the change (docs/register.md "Settings").
    if (draft.province !== settings.province && isProvinceCode(draft.province)) changes.province = draft.province;
    if (Object.keys(changes).length === 0) {
      pushToast(t('settings.nothingChanged'), 'info');
      return;
    }
    setBusy(true);
    const saved = await mcall('settings:update', changes);
    setBusy(false);
    if (saved) {
      setSettings(saved);
      setDraft(draftOf(saved));
      // Terminal id and zone were baked into the running journal: say plainly that they wait for a restart.
      const needsRestart = changes.terminalId !== undefined || changes.storeTimeZone !== undefined;
      pushToast(t(needsRestart ? 'settings.savedRestart' : 'settings.saved'), 'info');
      if (changes.province) pushToast(t('settings.provinceSaved', { province: t(`province.${changes.province}`) }), 'info');
    }
  };

  return (
    <section className="tab-body settings">
      <p className={`mode-pill mode-${settings.mode}`}>
        {settings.mode === 'training' ? t('settings.modeTraining') : t('settings.modeLive')} · {settings.storeName} · {settings.currency}
      </p>
      {settings.pendingRestart.length > 0 ? (
        <p className="panel bad" role="status" data-testid="settings-pending-restart">
          {t('settings.pendingRestart', { fields: settings.pendingRestart.map((f) => t(`settings.field.${f}`)).join(', ') })}
        </p>
      ) : null}
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field-label">
          {t('settings.terminalId')}
          <input className="field" data-testid="settings-terminal-id" value={draft.terminalId} maxLength={8} onChange={set('terminalId')} />
          <span className="hint" data-testid="settings-terminal-id-restart">{t('settings.appliesAfterRestart')}</span>
        </label>
        <label className="field-label">
          {t('settings.storeName')}
          <input className="field" data-testid="settings-store-name" value={draft.storeName} maxLength={64} onChange={set('storeName')} />
        </label>
        <label className="field-label">
          {t('settings.province')}
          <select className="field" data-testid="settings-province" value={draft.province} onChange={set('province')}>
            {PROVINCE_CODES.map((code) => (
              <option key={code} value={code}>
                {t(`province.${code}`)} ({code})
              </option>
            ))}
          </select>
          <span className="hint">{t('settings.provinceHint')}</span>
        </label>
        <label className="field-label">
          {t('settings.gstNumber')}
          <input className="field" data-testid="settings-gst-number" value={draft.gstNumber} maxLength={20} placeholder="123456789RT0001" onChange={set('gstNumber')} autoComplete="off" />
        </label>
        <label className="field-label">
          {t('settings.qstNumber')}
          <input className="field" data-testid="settings-qst-number" value={draft.qstNumber} maxLength={20} placeholder="1234567890TQ0001" onChange={set('qstNumber')} autoComplete="off" />
        </label>
        <label className="field-label">
          {t('settings.discountApprovalPercent')}
          <input className="field" data-testid="settings-discount-approval" inputMode="numeric" value={draft.discountApprovalPercent} maxLength={3} onChange={set('discountApprovalPercent')} autoComplete="off" />
        </label>
        <label className="field-label">
          {t('settings.timeZone')}
          <input className="field" data-testid="settings-time-zone" value={draft.storeTimeZone} onChange={set('storeTimeZone')} />
          <span className="hint">{t('settings.appliesAfterRestart')}</span>
        </label>
        <label className="field-label">
          {t('settings.locale')}
          <select className="field" data-testid="settings-locale" value={draft.locale} onChange={set('locale')}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="field-label">
          {t('settings.mchId')}
          <input className="field" data-testid="settings-mch-id" value={draft.mchId} maxLength={30} onChange={set('mchId')} autoComplete="off" />
        </label>
        <label className="field-label">
          {t('settings.loginName')}
          <input className="field" data-testid="settings-login-name" value={draft.loginName} maxLength={32} onChange={set('loginName')} autoComplete="off" />
        </label>
        <label className="field-label">
          {t('settings.newPin')}
          <input className="field" data-testid="settings-new-pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={draft.newPin} onChange={set('newPin')} />
        </label>
        <label className="field-label">
          {t('settings.confirmPin')}
          <input className="field" data-testid="settings-confirm-pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={draft.confirmPin} onChange={set('confirmPin')} />
        </label>
        <button type="submit" className="btn btn-primary btn-lg" data-testid="settings-save" disabled={busy}>
          {t('settings.save')}
        </button>
      </form>
      <TaxRatesForm key={settings.province} />
      <MerchantKeyForm settings={settings} onSaved={setSettings} />
      <StoreConnectionForm />
      <TimersForm settings={settings} onSaved={setSettings} />
      <WedgeForm settings={settings} onSaved={setSettings} />
      <PrinterSetup />
    </section>
  );
}
