// A serial (RS-232 / USB-CDC) scanner. Each code is framed from the byte stream and handed on as a RawScan.
// Unplugging closes the port; the driver keeps retrying with backoff and reports every step as a status,
// so a pulled cable is a visible device error and never an exception in main.
import type { SerialPort } from 'serialport';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { backoffDelay, defaultBackoff, type BackoffPolicy, type DeviceStatus } from './device-status.js';
import { errorMessage, explainNativeLoadFailure, ScannerError } from './errors.js';
import { ByteFramer, type FramingMode } from './framing.js';
import type { RawScan } from './scan-types.js';

export interface SerialScannerOptions {
  path: string;
  baudRate: number;
  framing: FramingMode;
  maxLength?: number;
  clock: Clock;
  logger: Logger;
  backoff?: BackoffPolicy;
  onScan(raw: RawScan): void;
  onStatus?(status: DeviceStatus): void;
}

type SerialPortClass = typeof SerialPort;

// Loaded on first start, so a broken native binding is a device error rather than a crash at import time.
async function loadSerialPort(): Promise<SerialPortClass> {
  const module = await import('serialport');
  return module.SerialPort;
}

export class SerialScannerDriver {
  private port: SerialPort | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private stopped = true;
  private readonly framer: ByteFramer;
  private readonly deviceId: string;

  constructor(private readonly options: SerialScannerOptions) {
    this.deviceId = `serial:${options.path}`;
    this.framer = new ByteFramer({
      mode: options.framing,
      maxLength: options.maxLength ?? 128,
      clock: options.clock,
      staleMs: 1_000,
      onFrame: (frame) => options.onScan({ ...frame, source: 'serial', deviceId: this.deviceId }),
      onError: (error) => options.logger.warn('frame dropped', { device: this.deviceId, reason: error.message }),
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    let SerialPortCtor: SerialPortClass;
    try {
      SerialPortCtor = await loadSerialPort();
    } catch (error) {
      const reason = explainNativeLoadFailure(error);
      this.report({ state: 'unavailable', error: { code: reason.code, message: reason.message } });
      return;
    }
    this.open(SerialPortCtor);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const port = this.port;
    this.port = undefined;
    this.framer.reset();
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    this.report({ state: 'stopped' });
  }

  private open(SerialPortCtor: SerialPortClass): void {
    this.report({ state: 'connecting' });
    let port: SerialPort;
    try {
      port = new SerialPortCtor({ path: this.options.path, baudRate: this.options.baudRate, autoOpen: false });
    } catch (error) {
      this.fail(undefined, error, SerialPortCtor);
      return;
    }
    this.port = port;
    port.on('data', (chunk: Buffer) => this.framer.push(chunk));
    port.on('error', (error: Error) => this.fail(port, error, SerialPortCtor));
    port.on('close', (error?: Error | null) => this.fail(port, error ?? new Error('port closed'), SerialPortCtor));
    port.open((error) => {
      if (error) return this.fail(port, error, SerialPortCtor);
      this.attempt = 0;
      this.report({ state: 'open' });
    });
  }

  private fail(port: SerialPort | undefined, error: unknown, SerialPortCtor: SerialPortClass): void {
    // Several events report one failure (error, then close); only the current port's first one counts.
    if (port !== this.port || this.stopped) return;
    this.port = undefined;
    this.framer.reset();
    if (port?.isOpen) port.close(() => undefined);
    const delay = backoffDelay(this.options.backoff ?? defaultBackoff, this.attempt);
    this.attempt += 1;
    const reason = new ScannerError('DEVICE_ERROR', `${this.options.path}: ${errorMessage(error)}`, { cause: error });
    this.report({ state: 'reconnecting', retryInMs: delay, error: { code: reason.code, message: reason.message } });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) this.open(SerialPortCtor);
    }, delay);
  }

  private report(status: Omit<DeviceStatus, 'deviceId' | 'attempt'>): void {
    const full: DeviceStatus = { deviceId: this.deviceId, attempt: this.attempt, ...status };
    if (full.error) this.options.logger.warn('serial scanner status', { device: this.deviceId, state: full.state, error: full.error.message });
    this.options.onStatus?.(full);
  }
}
