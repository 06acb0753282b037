// Starts the scanners chosen in settings and routes every scan (serial, HID, or the renderer's keyboard
// wedge) through one classifier and replay guard into the till. A failing device becomes a status the setup
// screen shows; it never takes the process down.
import type { ScanRules, ScannerSetting } from '../config/settings.js';
import { defaultClassifierRules, type ClassifierRules } from '../scanners/classifier.js';
import type { DeviceStatus } from '../scanners/device-status.js';
import { HidScannerDriver } from '../scanners/hid-driver.js';
import { RecentScans, type RecentScanEntry, type RecentScanStats } from '../scanners/recent-scans.js';
import { ReplayGuard } from '../scanners/replay-guard.js';
import { createScanDoor, type ScanHandlers, type ScanRouter } from '../scanners/router.js';
import type { ClassifiedScan } from '../scanners/scan-types.js';
import { SerialScannerDriver } from '../scanners/serial-driver.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';

interface Driver { start(): Promise<void>; stop(): void | Promise<void> }

export function classifierRulesFrom(rules: ScanRules): ClassifierRules {
  return { ...defaultClassifierRules, wallets: rules.wallets ?? defaultClassifierRules.wallets, stripPrefixes: rules.stripPrefixes };
}

export class ScannerService {
  private readonly route: ScanRouter;
  private readonly classify: ScanRouter;
  private readonly recentScans = new RecentScans(50);
  private readonly status = new Map<string, DeviceStatus>();
  private readonly drivers: Driver[] = [];

  constructor(private readonly deps: { handlers: ScanHandlers; rules: ScanRules; clock: Clock; logger: Logger; onStatus?: (s: DeviceStatus) => void }) {
    const door = createScanDoor({
      handlers: deps.handlers, replayGuard: new ReplayGuard({ clock: deps.clock }), clock: deps.clock, logger: deps.logger.child('scans'),
      rules: classifierRulesFrom(deps.rules), recent: this.recentScans,
    });
    this.route = door.route;
    this.classify = door.classify;
  }

  /** Starts every configured scanner; each one's failure is reported as its status, not thrown. */
  async start(scanners: readonly ScannerSetting[]): Promise<void> {
    for (const setting of scanners) {
      const driver = this.driverFor(setting);
      this.drivers.push(driver);
      await driver.start().catch((err: unknown) => this.deps.logger.error('scanner failed to start', { error: String(err) }));
    }
  }

  /** A scan the renderer's keyboard-wedge detector saw; classified like any other. */
  submitWedgeScan(text: string, firstByteAt: number, receivedAt: number): ClassifiedScan {
    return this.route({ text, source: 'wedge', deviceId: 'keyboard-wedge', firstByteAt, receivedAt, noisy: false });
  }

  /** Digits a cashier typed for a wallet code: classified by the same door, returned rather than routed. */
  classifyTypedCode(text: string): ClassifiedScan {
    const at = this.deps.clock.now();
    return this.classify({ text, source: 'wedge', deviceId: 'typed', firstByteAt: at, receivedAt: at, noisy: false });
  }

  recent(): { scans: RecentScanEntry[]; stats: RecentScanStats } {
    return { scans: this.recentScans.list(), stats: this.recentScans.stats() };
  }

  devices(): DeviceStatus[] {
    return [...this.status.values()];
  }

  async stop(): Promise<void> {
    await Promise.all(this.drivers.splice(0).map((d) => d.stop()));
  }

  /** A manager's new choice of scanners, applied without restarting the app: old drivers stop, new ones start. */
  async restart(scanners: readonly ScannerSetting[]): Promise<void> {
    await this.stop();
    this.status.clear();
    await this.start(scanners);
  }

  private driverFor(setting: ScannerSetting): Driver {
    const common = {
      clock: this.deps.clock, logger: this.deps.logger.child('scanner'), onScan: this.route,
      onStatus: (s: DeviceStatus) => {
        this.status.set(s.deviceId, s);
        this.deps.onStatus?.(s);
      },
    };
    if (setting.kind === 'serial') return new SerialScannerDriver({ ...common, path: setting.path, baudRate: setting.baudRate, framing: setting.framing });
    return new HidScannerDriver({ ...common, target: { vendorId: setting.vendorId, productId: setting.productId, usagePage: setting.usagePage, interfaceNumber: setting.interfaceNumber }, mode: setting.mode });
  }
}
