// Today's shifts on this till, read-only (docs/staff.md "On the manager screen"): open and closed, who opened and
// closed each, expected, counted and the variance (and who approved one beyond the threshold). An open shift's
// expected is as of now; its count is blind until it closes.
import { useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { useManagerCall } from './manager-api.js';

type Shift = ChannelResponse<'shift:today'>[number];

export function TodayShifts() {
  const { t, money, locale, info } = useApp();
  const mcall = useManagerCall();
  const [shifts, setShifts] = useState<Shift[] | null>(null);
  useEffect(() => {
    void mcall('shift:today', {}).then((s) => setShifts(s ?? []));
  }, [mcall]);
  const time = (ms: number) => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: info.timeZone }).format(ms);
  const signed = (cents: number, currency: string) => `${cents > 0 ? '+' : cents < 0 ? '−' : ''}${money(Math.abs(cents), currency)}`;
  if (shifts === null) return null;
  return (
    <section className="tab-body" data-testid="today-shifts">
      <h2>{t('shift.todayTitle')}</h2>
      {shifts.length === 0 ? <p className="hint">{t('shift.todayNone')}</p> : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('shift.statusCol')}</th>
              <th>{t('shift.openedByCol')}</th>
              <th>{t('shift.openedAtCol')}</th>
              <th>{t('shift.closedByCol')}</th>
              <th className="num">{t('shift.expected')}</th>
              <th className="num">{t('shift.countTotal')}</th>
              <th className="num">{t('shift.variance')}</th>
            </tr>
          </thead>
          <tbody>
            {shifts.map((s) => (
              <tr key={s.id} data-testid="today-shift" data-status={s.status}>
                <td>{t(s.status === 'open' ? 'shift.statusOpen' : 'shift.statusClosed')}</td>
                <td data-testid="today-shift-opened-by">{s.openedBy}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{time(s.openedAt)}</td>
                <td>{s.closedBy ?? t('shift.stillOpen')}</td>
                <td className="num" data-testid="today-shift-expected">{money(s.expectedCents, s.currency)}</td>
                <td className="num" data-testid="today-shift-counted">{s.countedCents === null ? '—' : money(s.countedCents, s.currency)}</td>
                <td className={`num${s.varianceCents ? ' bad' : ''}`} data-testid="today-shift-variance">
                  {s.varianceCents === null ? '—' : signed(s.varianceCents, s.currency)}
                  {s.varianceApprovedBy ? <><br /><span className="hint">{t('shift.approvedBy', { name: s.varianceApprovedBy })}</span></> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
