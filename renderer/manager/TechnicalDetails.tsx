// The gateway's own words about a payment (order number, failure code and message), for a manager talking to
// IOTPay support. Closed by default, and the only place any screen shows them.
import type { AttemptView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';

export function TechnicalDetails({ attempt }: { attempt: Pick<AttemptView, 'mchOrderNo' | 'failureCode' | 'failureMessage' | 'state'> }) {
  const { t } = useApp();
  return (
    <details className="tech-details" data-testid="technical-details">
      <summary>{t('manager.technicalDetails')}</summary>
      <dl>
        <dt>{t('manager.orderNo')}</dt>
        <dd>{attempt.mchOrderNo}</dd>
        <dt>{t('manager.gatewayState')}</dt>
        <dd>{attempt.state}</dd>
        {attempt.failureCode ? (
          <>
            <dt>{t('manager.failureCode')}</dt>
            <dd>{attempt.failureCode}</dd>
          </>
        ) : null}
        {attempt.failureMessage ? (
          <>
            <dt>{t('manager.failureMessage')}</dt>
            <dd>{attempt.failureMessage}</dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}
