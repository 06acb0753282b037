// Renders a payment QR large and crisp. `shape-rendering="crispEdges"` keeps module edges sharp when the
// display scales the SVG.
import { useMemo } from 'react';
import { qrPath } from './qr-matrix.js';

interface Props {
  value: string;
  /** Rendered side in CSS pixels; 320 is the smallest a phone reads reliably from arm's length. */
  sizePx?: number;
  label: string;
  testId?: string;
}

export function QrCode({ value, sizePx = 360, label, testId }: Props) {
  const qr = useMemo(() => qrPath(value), [value]);
  return (
    <svg
      className="qr"
      data-testid={testId}
      role="img"
      aria-label={label}
      width={sizePx}
      height={sizePx}
      viewBox={`0 0 ${qr.side} ${qr.side}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={qr.side} height={qr.side} fill="#ffffff" />
      <path d={qr.path} fill="#000000" />
    </svg>
  );
}
