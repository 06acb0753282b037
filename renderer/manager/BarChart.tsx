// A plain SVG bar chart; enough for "sales by hour" and "by channel" without a chart library.
import { useApp } from '../shared/app-context.js';

export interface Bar {
  label: string;
  value: number;
}

interface Props {
  bars: Bar[];
  title: string;
  format: (value: number) => string;
  /** Label every nth bar (24 hourly bars do not all fit a label). */
  labelEvery?: number;
}

const WIDTH = 720;
const HEIGHT = 220;
const AXIS = 28;

export function BarChart({ bars, title, format, labelEvery = 1 }: Props) {
  const { t } = useApp();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = bars.length > 0 ? WIDTH / bars.length : WIDTH;
  const barWidth = Math.max(4, slot * 0.7);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="hint">{t('manager.noData')}</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-label={title} className="chart-svg">
          <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="chart-axis" />
          {bars.map((bar, i) => {
            const h = Math.round((bar.value / max) * (HEIGHT - 24));
            const x = i * slot + (slot - barWidth) / 2;
            return (
              <g key={bar.label}>
                <title>{`${bar.label}: ${format(bar.value)}`}</title>
                <rect x={x} y={HEIGHT - h} width={barWidth} height={h} className="chart-bar" />
                {bar.value > 0 && bars.length <= 8 ? (
                  <text x={x + barWidth / 2} y={HEIGHT - h - 6} textAnchor="middle" className="chart-value">
                    {format(bar.value)}
                  </text>
                ) : null}
                {i % labelEvery === 0 ? (
                  <text x={x + barWidth / 2} y={HEIGHT + 20} textAnchor="middle" className="chart-label">
                    {bar.label}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
