// Returns by line (docs/register.md "Returns and exchanges"). A return takes lines back, with or without the receipt:
// `returns` is the return itself (who approved it and why, what it was worth, what of it went back in cash and the
// cash given for that, 5¢-rounded); `return_lines` each line taken back (for a receipt return the sale's line number,
// so no line can be returned more often than it was sold), with its net and its tax, and `return_line_taxes` that tax
// per code. A receipt return pays back through refunds of the sale's own tenders: `return_refunds` ties each refund
// to its return, with the part of the return's value and of each tax (`refund_taxes`) it carries, so the reports
// count refunded tax exactly instead of apportioning it. A return without a receipt pays cash at once (no tender to
// refund): it is final when written and belongs to the Z period open then. An exchange (`credit_cents`) pays part of
// the return's value into a new sale instead (`credit_sale_id`; `return_credits` which original tender it came from), also
// final when written. Everything comes from one
// `return.created` event (main/journal/returns.ts), which `journal verify` rebuilds (main/journal/rebuild.ts).
import type { Migration } from '../migrate.js';

export const addReturns: Migration = {
  version: 130,
  name: 'returns',
  up(db) {
    db.exec(`
      CREATE TABLE returns (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER REFERENCES sales (id),
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'no-receipt')),
        currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
        value_cents INTEGER NOT NULL CHECK (value_cents >= 0),
        tax_cents INTEGER NOT NULL CHECK (tax_cents >= 0 AND tax_cents <= value_cents),
        cash_value_cents INTEGER NOT NULL CHECK (cash_value_cents >= 0 AND cash_value_cents <= value_cents),
        cash_back_cents INTEGER NOT NULL CHECK (cash_back_cents >= 0),
        -- An exchange: the part of the value that pays the new sale instead of going back, and that sale.
        credit_cents INTEGER NOT NULL DEFAULT 0 CHECK (credit_cents >= 0 AND credit_cents <= value_cents),
        credit_sale_id INTEGER REFERENCES sales (id),
        reason TEXT NOT NULL,
        approved_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        period INTEGER,
        CHECK ((kind = 'receipt') = (sale_id IS NOT NULL)),
        CHECK ((credit_cents > 0) = (credit_sale_id IS NOT NULL)),
        CHECK ((kind = 'no-receipt' OR credit_cents > 0) = (period IS NOT NULL))
      ) STRICT;
      CREATE INDEX returns_by_sale ON returns (sale_id) WHERE sale_id IS NOT NULL;
      CREATE INDEX returns_without_receipt_by_day ON returns (created_at, currency) WHERE kind = 'no-receipt';
      CREATE INDEX returns_without_receipt_by_period ON returns (period, currency) WHERE kind = 'no-receipt';
      CREATE INDEX returns_credited_by_day ON returns (created_at, currency) WHERE credit_cents > 0;
      CREATE INDEX returns_credited_by_period ON returns (period, currency) WHERE credit_cents > 0;
      CREATE INDEX returns_by_credit_sale ON returns (credit_sale_id) WHERE credit_sale_id IS NOT NULL;

      CREATE TABLE return_lines (
        return_id INTEGER NOT NULL REFERENCES returns (id),
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        sku TEXT NOT NULL,
        name TEXT NOT NULL,
        tax_class TEXT NOT NULL CHECK (tax_class IN ('standard', 'gst-only', 'zero-rated', 'exempt')),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        net_cents INTEGER NOT NULL CHECK (net_cents >= 0),
        tax_cents INTEGER NOT NULL CHECK (tax_cents >= 0),
        PRIMARY KEY (return_id, line_no)
      ) STRICT;

      CREATE TABLE return_line_taxes (
        return_id INTEGER NOT NULL,
        line_no INTEGER NOT NULL,
        code TEXT NOT NULL CHECK (code IN ('GST', 'HST', 'PST', 'QST', 'RST')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
        PRIMARY KEY (return_id, line_no, code),
        FOREIGN KEY (return_id, line_no) REFERENCES return_lines (return_id, line_no)
      ) STRICT;

      CREATE TABLE return_refunds (
        refund_id INTEGER PRIMARY KEY REFERENCES refunds (id),
        return_id INTEGER NOT NULL REFERENCES returns (id),
        value_cents INTEGER NOT NULL CHECK (value_cents >= 0),
        tax_cents INTEGER NOT NULL CHECK (tax_cents >= 0)
      ) STRICT;
      CREATE INDEX return_refunds_by_return ON return_refunds (return_id);

      -- An exchange's credit, by the original tender it was drawn from: no longer refundable there.
      CREATE TABLE return_credits (
        return_id INTEGER NOT NULL REFERENCES returns (id),
        attempt_id INTEGER NOT NULL REFERENCES attempts (id),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        PRIMARY KEY (return_id, attempt_id)
      ) STRICT;
      CREATE INDEX return_credits_by_attempt ON return_credits (attempt_id);

      CREATE TABLE refund_taxes (
        refund_id INTEGER NOT NULL REFERENCES return_refunds (refund_id),
        code TEXT NOT NULL CHECK (code IN ('GST', 'HST', 'PST', 'QST', 'RST')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
        PRIMARY KEY (refund_id, code)
      ) STRICT;
    `);
  },
};
