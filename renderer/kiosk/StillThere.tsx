import { useApp } from '../shared/app-context.js';
import { formatCountdown, useNow } from '../shared/use-now.js';

interface Props {
  deadline: number;
  onStay: () => void;
}

export function StillThere({ deadline, onStay }: Props) {
  const { t } = useApp();
  const now = useNow(500);
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="still-there-title">
      <div className="modal" data-testid="still-there">
        <h2 id="still-there-title">{t('kiosk.stillThere')}</h2>
        <p>{t('kiosk.stillThereBody', { time: formatCountdown(deadline - now) })}</p>
        <button type="button" className="btn btn-primary btn-xl" data-testid="still-there-yes" onClick={onStay}>
          {t('kiosk.imHere')}
        </button>
      </div>
    </div>
  );
}
