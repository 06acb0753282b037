// The drawer's shifts a Z covers (docs/staff.md "On the Z"): who opened and closed each, expected against counted,
// and the variance (and who approved one above the threshold).
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';

type Shift = NonNullable<ChannelResponse<'report:closeDay'>['shifts']>[number];

export function ZShifts({ shifts }: { shifts: readonly Shift[] }) {
  const { t, money } = useApp();
  if (shifts.length === 0) return null;
  return (
    <div className="panel">
      <h2>{t('shift.zTitle')}</h2>
      <table className="table" data-testid="z-shifts">
        <thead>
          <tr>
            <th>{t('shift.openedByCol')}</th>
            <th>{t('shift.closedByCol')}</th>
            <th>{t('shift.expected')}</th>
            <th>{t('shift.countTotal')}</th>
            <th>{t('shift.variance')}</th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((s) => (
            <tr key={s.id} data-testid="z-shift">
              <td>{s.openedBy}</td>
              <td>{s.closedBy ?? t('shift.stillOpen')}</td>
              <td>{money(s.expectedCents, s.currency)}</td>
              <td>{s.countedCents === null ? '—' : money(s.countedCents, s.currency)}</td>
              <td data-testid="z-shift-variance">
                {s.varianceCents === null ? '—' : money(s.varianceCents, s.currency)}
                {s.varianceApprovedBy ? ` (${s.varianceApprovedBy})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
