// The ordered list of journal migrations. Append only: never edit or renumber a shipped migration.
import type { Migration } from '../migrate.js';
import { createSales } from './0010-create-sales.js';
import { createEvents } from './0020-create-events.js';
import { createAttempts } from './0030-create-attempts.js';
import { createRefunds } from './0040-create-refunds.js';
import { createDayCloses } from './0050-create-day-closes.js';
import { addAttemptAttachment } from './0060-attempt-attachment.js';
import { addAttemptRelease } from './0070-attempt-release.js';
import { addPeriodsAndSeals } from './0080-periods-and-seals.js';
import { addSalesTax } from './0090-sales-tax.js';
import { addCashRounding } from './0100-cash-rounding.js';
import { addRegisterReportIndexes } from './0110-register-reports.js';
import { addDiscounts } from './0120-discounts.js';
import { addReturns } from './0130-returns.js';
import { addHeldSales } from './0140-held-sales.js';
import { allowCashRemainder } from './0145-cash-remainder.js';
import { addTaxRateOverrides } from './0150-tax-rate-overrides.js';
import { addPrintQueue } from './0200-print-queue.js';
import { addStaffAndShifts } from './0300-staff-and-shifts.js';
import { addStoreOutbox } from './0400-store-outbox.js';

export const journalMigrations: readonly Migration[] = [
  createSales,
  createEvents,
  createAttempts,
  createRefunds,
  createDayCloses,
  addAttemptAttachment,
  addAttemptRelease,
  addPeriodsAndSeals,
  addSalesTax,
  addCashRounding,
  addRegisterReportIndexes,
  addDiscounts,
  addReturns,
  addHeldSales,
  allowCashRemainder,
  addTaxRateOverrides,
  addPrintQueue,
  addStaffAndShifts,
  addStoreOutbox,
];
