// A USB HID scanner, in HID POS mode (usage page 0x8C) or keyboard-emulation mode. Each open picks the
// interface afresh from node-hid's device list (hid-interface.ts) and opens it by path, because a combined
// scanner shares one VID:PID between both interfaces and hidraw paths change on replug. Reports are decoded by
// the pure decoders; unplugging surfaces as node-hid's 'error' event and the driver reopens with backoff.
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { backoffDelay, defaultBackoff, type BackoffPolicy, type DeviceStatus } from './device-status.js';
import { errorMessage, ScannerError, ScannerUnavailableError } from './errors.js';
import { ByteFramer, cleanFrameBytes, type FramingMode } from './framing.js';
import { HidKeyboardDecoder } from './hid-keyboard-decoder.js';
import { chooseHidInterface, describeHidInterface, type HidMode } from './hid-interface.js';
import { describeHidTarget, loadNodeHid, type HidDeviceLike, type HidModuleLike, type HidModuleLoader, type HidTarget } from './hid-module.js';
import { HidPosDecoder } from './hid-pos-decoder.js';
import type { RawScan } from './scan-types.js';

export interface HidScannerOptions {
  target: HidTarget;
  /** Absent: follow the chosen interface (0x8C → pos, keyboard → keyboard); present: also narrows the choice. */
  mode?: HidMode | undefined;
  /** Keyboard mode only: how codes end. Default: Enter. */
  framing?: FramingMode;
  maxLength?: number;
  clock: Clock;
  logger: Logger;
  backoff?: BackoffPolicy;
  loadHid?: HidModuleLoader;
  onScan(raw: RawScan): void;
  onStatus?(status: DeviceStatus): void;
}

export class HidScannerDriver {
  private device: HidDeviceLike | undefined;
  private hid: HidModuleLike | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private stopped = true;
  private firstReportAt: number | undefined;
  private mode: HidMode;
  private readonly deviceId: string;
  private readonly pos: HidPosDecoder;
  private readonly keyboard = new HidKeyboardDecoder();
  private readonly framer: ByteFramer;

  constructor(private readonly options: HidScannerOptions) {
    this.deviceId = describeHidTarget(options.target);
    this.mode = options.mode ?? 'pos';
    const maxLength = options.maxLength ?? 128;
    this.pos = new HidPosDecoder(maxLength);
    this.framer = new ByteFramer({
      mode: options.framing ?? { kind: 'suffix', suffix: 'CR' },
      maxLength,
      clock: options.clock,
      staleMs: 1_000,
      onFrame: (frame) => options.onScan({ ...frame, source: 'hid-keyboard', deviceId: this.deviceId }),
      onError: (error) => options.logger.warn('frame dropped', { device: this.deviceId, reason: error.message }),
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    try {
      this.hid = await (this.options.loadHid ?? loadNodeHid)();
    } catch (error) {
      const reason = error instanceof ScannerUnavailableError ? error : new ScannerUnavailableError('SCANNER_UNAVAILABLE', errorMessage(error));
      this.report({ state: 'unavailable', error: { code: reason.code, message: reason.message } });
      return;
    }
    await this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.closeDevice();
    this.report({ state: 'stopped' });
  }

  /** Feeds one input report, as node-hid's 'data' event does; public so recorded reports can be replayed. */
  handleReport(report: ArrayLike<number>): void {
    const now = this.options.clock.now();
    if (this.mode === 'keyboard') {
      const bytes = this.keyboard.push(report);
      if (bytes.length > 0) this.framer.push(bytes);
      return;
    }
    this.firstReportAt ??= now;
    const result = this.pos.push(report);
    if (result.kind === 'partial') return;
    const firstByteAt = this.firstReportAt;
    this.firstReportAt = undefined;
    if (result.kind === 'malformed') this.options.logger.warn('HID POS report dropped', { device: this.deviceId, reason: result.reason });
    if (result.kind !== 'code') return;
    const { text, noisy } = cleanFrameBytes(result.bytes);
    if (text.length > 0) this.options.onScan({ text, noisy, firstByteAt, receivedAt: now, source: 'hid-pos', deviceId: this.deviceId });
  }

  private async open(): Promise<void> {
    const hid = this.hid;
    if (!hid || this.stopped) return;
    this.report({ state: 'connecting' });
    let device: HidDeviceLike;
    try {
      const choice = chooseHidInterface(await hid.devices(), this.options.target, this.options.mode);
      if (this.stopped) return;
      device = hid.open(choice.iface.path);
      this.mode = choice.mode;
      this.options.logger.info('HID interface opened', { device: this.deviceId, interface: describeHidInterface(choice.iface), mode: choice.mode });
    } catch (error) {
      this.fail(undefined, error);
      return;
    }
    this.device = device;
    device.on('data', (data) => {
      if (device === this.device) this.handleReport(data);
    });
    device.on('error', (error) => this.fail(device, error));
    this.attempt = 0;
    this.report({ state: 'open' });
  }

  private fail(device: HidDeviceLike | undefined, error: unknown): void {
    if (device !== this.device || this.stopped) return;
    this.closeDevice();
    const delay = backoffDelay(this.options.backoff ?? defaultBackoff, this.attempt);
    this.attempt += 1;
    const code = error instanceof ScannerError ? error.code : 'DEVICE_ERROR';
    const reason = new ScannerError(code, `${this.deviceId}: ${errorMessage(error)}`, { cause: error });
    this.report({ state: 'reconnecting', retryInMs: delay, error: { code: reason.code, message: reason.message } });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.open(); // open() reports its own failures as statuses; it never rejects
    }, delay);
  }

  private closeDevice(): void {
    const device = this.device;
    this.device = undefined;
    this.pos.reset();
    this.keyboard.reset();
    this.framer.reset();
    this.firstReportAt = undefined;
    try {
      device?.close();
    } catch (error) {
      // Closing an already-unplugged device throws in node-hid; the handle is gone either way.
      this.options.logger.debug('HID close failed', { device: this.deviceId, error: errorMessage(error) });
    }
  }

  private report(status: Omit<DeviceStatus, 'deviceId' | 'attempt'>): void {
    const full: DeviceStatus = { deviceId: this.deviceId, attempt: this.attempt, ...status };
    if (full.error) this.options.logger.warn('HID scanner status', { device: this.deviceId, state: full.state, error: full.error.message });
    this.options.onStatus?.(full);
  }
}
