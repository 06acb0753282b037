// The payment QR path must decode back to the exact code URL (rasterised here and read with jsQR, as the E2E
// test reads the screenshot), with the quiet zone around it.
import jsQRModule from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrPath } from '../../renderer/shared/qr-matrix.js';

// jsqr is CommonJS with an ES-style default export; under NodeNext the default import is the module object
// for the type checker, while the runtime interop may already have unwrapped it.
type JsQr = typeof jsQRModule.default;
const jsQR: JsQr = typeof jsQRModule === 'function' ? (jsQRModule as unknown as JsQr) : jsQRModule.default;

function rasterise(side: number, path: string, scale: number): Uint8ClampedArray {
  const px = side * scale;
  const data = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let row = y * scale; row < (y + 1) * scale; row++) {
      for (let col = x * scale; col < (x + w) * scale; col++) {
        const i = (row * px + col) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return data;
}

describe('qrPath', () => {
  it.each(['weixin://wxpay/bizpayurl?pr=AbCdEf123', 'https://qr.alipay.com/bax08431zwmi6fd0o4a2000d', 'https://qr.95516.com/00010000/01234567890123456789'])(
    'decodes back to %s',
    (url) => {
      const { side, path } = qrPath(url);
      const scale = 6;
      const decoded = jsQR(rasterise(side, path, scale), side * scale, side * scale);
      expect(decoded?.data).toBe(url);
    },
  );

  it('keeps a four-module quiet zone', () => {
    const { side, path } = qrPath('weixin://wxpay/bizpayurl?pr=quiet');
    const coords = [...path.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])] as const);
    expect(Math.min(...coords.map(([x]) => x))).toBe(QUIET_ZONE);
    expect(Math.min(...coords.map(([, y]) => y))).toBe(QUIET_ZONE);
    expect(Math.max(...coords.map(([x, , w]) => x + w))).toBe(side - QUIET_ZONE);
  });
});
