// Store totals as a terminal's register totals (main/reports/register-totals.ts, docs/store.md "Reports"): each
// sale's discounts, and each refund's split into the refunded net and the refunded tax per code, computed by the
// pushing terminal with the register's own rules (main/store/store-refund-tax.ts) and kept with the refund row.
// Refund rows pushed by an app before this migration have no split (NULL): the store counts their tax as unknown.
import type { StoreMigration } from '../store-migrate.js';

export const storeDiscountsRefundTax: StoreMigration = {
  version: 40,
  name: 'store-discounts-refund-tax',
  sql: () => `
    ALTER TABLE pos_store.sales ADD COLUMN discount_cents bigint NOT NULL DEFAULT 0;
    ALTER TABLE pos_store.refunds ADD COLUMN refunded_net_cents bigint, ADD COLUMN refunded_taxes jsonb;
  `,
};
