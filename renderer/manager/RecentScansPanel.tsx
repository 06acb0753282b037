// What was scanned lately, from which source, how it was classified and how long it took. Codes arrive from
// main already masked (payment codes show their last 4 digits only).
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { channelKey } from '../shared/wallet.js';

type Status = ChannelResponse<'scanners:status'>;

export function RecentScansPanel({ status }: { status: Status }) {
  const { t, locale, info } = useApp();
  const { stats, recent } = status;
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone: info.timeZone }).format(ms);
  return (
    <div className="panel recent-scans" data-testid="recent-scans">
      <h3>{t('scanners.recent')}</h3>
      {recent.length === 0 ? (
        <p className="hint">{t('scanners.noRecent')}</p>
      ) : (
        <>
          <p data-testid="recent-scans-stats">
            {t('scanners.stats', {
              count: stats.count, scanP50: stats.scanMs.p50, scanP99: stats.scanMs.p99, scanMax: stats.scanMs.max, latP50: stats.latencyMs.p50, latP99: stats.latencyMs.p99,
            })}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('scanners.colTime')}</th>
                <th>{t('scanners.colSource')}</th>
                <th>{t('scanners.colKind')}</th>
                <th>{t('scanners.colCode')}</th>
                <th>{t('scanners.colScanMs')}</th>
                <th>{t('scanners.colLatency')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((s, i) => (
                <tr key={`${s.at}-${i}`} data-testid="recent-scan">
                  <td>{when(s.at)}</td>
                  <td>{s.source}</td>
                  <td data-kind={s.kind}>
                    {t(`scanKind.${s.kind}`)}
                    {/* A payment scan's detail is the wallet's channel code: said in words, like everywhere else. */}
                    {s.detail ? ` · ${s.kind === 'payment' ? t(channelKey(s.detail)) : s.detail}` : ''}
                  </td>
                  <td>{s.display}</td>
                  <td>{Math.round(s.scanMs)}</td>
                  <td>{Math.round(s.latencyMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
