import { useApp } from '../shared/app-context.js';

export function Welcome() {
  const { t, info } = useApp();
  return (
    <div className="cd-welcome">
      <p className="cd-huge">{t('display.welcome')}</p>
      <p className="cd-store">{info.storeName}</p>
      <p className="cd-accepts">
        {t('wallet.wechat')} · {t('wallet.alipay')} · {t('wallet.unionpay')} · {t('tender.card')} · {t('tender.cash')}
      </p>
    </div>
  );
}
