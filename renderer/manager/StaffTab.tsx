// Manager → Staff (docs/staff.md): the terminal's own staff list until a store database manages it. Add a person
// with a role and a PIN (only its hash is kept), disable one (old sales keep their name), and set how long an idle
// till stays signed in and which cash variance needs a manager.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { STAFF_ROLES, type StaffRole } from '../../preload/staff-roles.js';
import { useApp } from '../shared/app-context.js';
import { centsToInput, fractionDigits, parseAmountToCents } from '../shared/money.js';
import { pushToast } from '../shared/toast-store.js';
import { useManagerCall } from './manager-api.js';
import '../shared/staff.css';

type StaffList = ChannelResponse<'staff:list'>;

export function StaffTab() {
  const { t, info } = useApp();
  const mcall = useManagerCall();
  const [list, setList] = useState<StaffList | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('cashier');
  const [pin, setPin] = useState('');
  const [idle, setIdle] = useState('');
  const [threshold, setThreshold] = useState('');
  const [busy, setBusy] = useState(false);

  const shown = useCallback((next: StaffList | undefined) => {
    if (!next) return;
    setList(next);
    setIdle(String(next.signOutAfterIdleMinutes));
    setThreshold(centsToInput(next.cashVarianceThresholdCents, fractionDigits(info.currency)));
  }, [info.currency]);

  useEffect(() => {
    void mcall('staff:list', {}).then(shown);
  }, [mcall, shown]);

  const act = async (go: () => Promise<StaffList | undefined>) => {
    setBusy(true);
    const next = await go();
    setBusy(false);
    shown(next);
    return next;
  };

  const add = async () => {
    const next = await act(() => mcall('staff:add', { name, role, pin }));
    if (next) {
      setName('');
      setPin('');
    }
  };

  const savePolicy = async () => {
    const cents = parseAmountToCents(threshold, fractionDigits(info.currency));
    const minutes = Number(idle);
    if (cents === null || !Number.isInteger(minutes) || minutes < 1) return pushToast(t('error.amountInvalid'));
    const next = await act(() => mcall('staff:setPolicy', { signOutAfterIdleMinutes: minutes, cashVarianceThresholdCents: cents }));
    if (next) pushToast(t('staff.saved'));
  };

  if (!list) return <p className="hint">{t('common.loading')}</p>;
  return (
    <section className="staff-tab" data-testid="staff-tab">
      <div className="panel">
        <h2>{t('staff.list')}</h2>
        <table className="table" data-testid="staff-table">
          <thead>
            <tr>
              <th>{t('staff.name')}</th>
              <th>{t('staff.role')}</th>
              <th>{t('staff.active')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.staff.map((m) => (
              <tr key={m.id} data-testid={`staff-row-${m.id}`}>
                <td>
                  {m.name}
                  {m.builtIn ? <span className="hint"> ({t('staff.builtIn')})</span> : null}
                </td>
                <td>{t(`staff.role.${m.role}`)}</td>
                <td>{m.active ? t('staff.active') : t('staff.disabled')}</td>
                <td>
                  {m.active ? (
                    <button type="button" className="btn btn-danger-outline" data-testid={`staff-disable-${m.id}`} disabled={busy} onClick={() => void act(() => mcall('staff:disable', { staffId: m.id }))}>
                      {t('staff.disable')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h2>{t('staff.addTitle')}</h2>
        <div className="row">
          <label className="field-label field-grow">
            {t('staff.name')}
            <input className="field" data-testid="staff-name" maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field-label">
            {t('staff.role')}
            <select className="field" data-testid="staff-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>{t(`staff.role.${r}`)}</option>
              ))}
            </select>
          </label>
          <label className="field-label">
            {t('staff.pin')}
            <input className="field field-pin" data-testid="staff-pin" type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
          </label>
          <button type="submit" className="btn btn-primary btn-lg" data-testid="staff-add" disabled={busy || name.trim() === '' || !/^\d{4,8}$/.test(pin)}>
            {t('staff.add')}
          </button>
        </div>
      </form>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void savePolicy();
        }}
      >
        <h2>{t('staff.policyTitle')}</h2>
        <div className="row">
          <label className="field-label">
            {t('staff.idleMinutes')}
            <input className="field" data-testid="staff-idle" inputMode="numeric" value={idle} onChange={(e) => setIdle(e.target.value.replace(/\D/g, '').slice(0, 3))} />
          </label>
          <label className="field-label">
            {t('staff.varianceThreshold')}
            <input className="field field-money" data-testid="staff-variance" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-lg" data-testid="staff-save-policy" disabled={busy}>{t('staff.save')}</button>
        </div>
      </form>
    </section>
  );
}
