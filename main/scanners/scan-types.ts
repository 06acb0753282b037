// The shapes that flow through the scanner pipeline: driver → framer → classifier → router → handlers.

export type ScanSource = 'serial' | 'hid-pos' | 'hid-keyboard' | 'wedge';

export type WalletChannel = 'WX_MICROPAY' | 'ALIPAY_MICROPAY' | 'UPI_MICROPAY';

/** One framed read from a device, before classification. Times come from the injected clock. */
export interface RawScan {
  text: string;
  source: ScanSource;
  /** Which device produced it, e.g. a serial path or "hid:0c2e:0b61". */
  deviceId: string;
  /** First byte of this frame seen by the driver. */
  firstByteAt: number;
  /** Terminator (or timeout / last report) seen; the frame is complete. */
  receivedAt: number;
  /** Non-printable bytes were found inside the code (not just around it); such frames are never trusted. */
  noisy: boolean;
}

interface ScanTiming {
  source: ScanSource;
  deviceId: string;
  firstByteAt: number;
  receivedAt: number;
  /** When the router classified it; `classifiedAt - receivedAt` is the pipeline latency. */
  classifiedAt: number;
}

export interface PaymentScan extends ScanTiming {
  kind: 'payment';
  wallet: WalletChannel;
  /** The full code: single-use, never logged; use maskCode() for display. */
  code: string;
}

export interface ProductScan extends ScanTiming {
  kind: 'product';
  /** Normalised to 14 digits (GTIN-14) so EAN-8, UPC-A and EAN-13 share one key. */
  gtin: string;
  /** The symbology inferred from the scanned length. */
  format: 'EAN-8' | 'UPC-A' | 'EAN-13' | 'GTIN-14';
  scanned: string;
}

export type UnknownReason = 'no-rule-matched' | 'bad-check-digit' | 'noisy-frame' | 'replayed-payment-code' | 'empty';

export interface UnknownScan extends ScanTiming {
  kind: 'unknown';
  reason: UnknownReason;
  /** Masked: an unknown scan might still be someone's payment code with one digit misread. */
  masked: string;
  length: number;
}

export type ClassifiedScan = PaymentScan | ProductScan | UnknownScan;
