// One rollup as a table: payments, gross, refunds and net per channel or per cashier. With `testIdPrefix`
// the rows and cells carry test ids (`totals-<prefix>`, `<prefix>-count`…) and `data-<prefix>` = the key.
import type { ReactNode } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';

type Line = ChannelResponse<'report:dailyTotals'>['byChannel'][number];

interface Props {
  heading: string;
  lines: Line[];
  name?: (label: string) => ReactNode;
  testIdPrefix?: string;
}

export function TotalsTable({ heading, lines, name = (label) => label, testIdPrefix }: Props) {
  const { t, money } = useApp();
  const id = (what: string) => (testIdPrefix ? `${testIdPrefix}-${what}` : undefined);
  return (
    <table className="table" data-testid={testIdPrefix ? `totals-by-${testIdPrefix}` : undefined}>
      <thead>
        <tr>
          <th>{heading}</th>
          <th>{t('manager.payments')}</th>
          <th>{t('manager.gross')}</th>
          <th>{t('manager.refunds')}</th>
          <th>{t('manager.net')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((c) => (
          <tr
            key={`${c.label}-${c.currency}`}
            data-testid={testIdPrefix ? `totals-${testIdPrefix}` : undefined}
            {...(testIdPrefix ? { [`data-${testIdPrefix}`]: c.label } : {})}
          >
            <td>{name(c.label)}</td>
            <td data-testid={id('count')}>{c.paymentCount}</td>
            <td data-testid={id('gross')}>{money(c.grossCents, c.currency)}</td>
            <td data-testid={id('refunds')} data-count={c.refundCount}>{money(c.refundCents, c.currency)}</td>
            <td data-testid={id('net')}>{money(c.netCents, c.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
