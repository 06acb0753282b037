// What the IPC handlers share: the services, both tills, the scanners, manager sessions and the event sink.
import type { SaleTaxSetup } from '../shared/sales-tax.js';
import type { EventMap, EventName, WindowRole } from '../../preload/contract.js';
import type { Catalog } from '../catalog/catalog.js';
import type { PaymentEngine } from '../payments/engine.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { ClockBanner } from './clock-watch.js';
import type { MerchantSecretStore } from './host-api.js';
import type { ManagerSessions } from './manager-sessions.js';
import type { TillOperator } from './till-operator.js';
import type { StaffDirectory } from '../staff/staff-directory.js';
import { KIOSK_STAFF_ID } from '../../preload/staff-roles.js';
import type { SavedSettings } from './saved-settings.js';
import type { ScannerService } from './scanner-service.js';
import type { Services } from './services.js';
import type { Till } from '../checkout/till.js';

export interface AppContext {
  services: Services & { engine: PaymentEngine };
  /** settings.json as saved; `services.settings` is what the running app was built with. */
  savedSettings: SavedSettings;
  catalog: Catalog;
  /** The counter till (cashier + customer display) and the self-service till (kiosk). */
  tills: { counter: Till; kiosk: Till };
  scanners: { counter: ScannerService; kiosk: ScannerService };
  sessions: ManagerSessions;
  /** The terminal's staff list (docs/staff.md), and who is signed in at the counter till. */
  staff: StaffDirectory;
  operator: TillOperator;
  /** How a sale opened now is taxed: the store's saved province, today's store day, the rate overrides in force. */
  taxNow(): SaleTaxSetup;
  secretStore?: MerchantSecretStore;
  cardFormScriptUrl: string;
  clock: Clock;
  /** The clock warning shown on the cashier and manager screens (main/app/clock-watch.ts). */
  clockBanner(): ClockBanner;
  logger: Logger;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
}

export function tillFor(ctx: AppContext, role: WindowRole): Till {
  return role === 'kiosk' ? ctx.tills.kiosk : ctx.tills.counter;
}

/**
 * Who is at the till, for the journal (docs/staff.md): the staff id of whoever is signed in at the counter, or the
 * kiosk. The one function the other features call for "the signed-in person" (sales, tenders, drawer opens).
 */
export function cashierOf(ctx: Pick<AppContext, 'operator'>, role: WindowRole): string {
  return role === 'kiosk' ? KIOSK_STAFF_ID : ctx.operator.staffId('cashier');
}
