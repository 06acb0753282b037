// The sandbox's book of record: orders, refunds and saved cards. Every change goes through `commit`, which
// persists the whole ledger atomically (tmp file + rename) when a ledger file was given, so a crash of the
// sandbox mid-write never leaves a half-written ledger behind.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Clock } from '../shared/clock.js';
import type {
  CardRecord,
  LedgerSnapshot,
  V1Order,
  V1Refund,
  V3Purchase,
  V3Refund,
} from './ledger-records.js';

export class LedgerFileError extends Error {
  readonly code = 'SANDBOX_LEDGER_FILE';
}

export interface OrderLookup {
  mchOrderNo?: string;
  payOrderId?: string;
}

function emptyLedger(): LedgerSnapshot {
  return { orders: [], refunds: [], cards: [] };
}

function loadLedger(file: string): LedgerSnapshot {
  if (!existsSync(file)) return emptyLedger();
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LedgerSnapshot>;
    return { orders: parsed.orders ?? [], refunds: parsed.refunds ?? [], cards: parsed.cards ?? [] };
  } catch (error) {
    throw new LedgerFileError(`cannot read sandbox ledger ${file}: ${String(error)}`);
  }
}

function matches(record: { mchOrderNo: string; payOrderId: string }, lookup: OrderLookup): boolean {
  if (lookup.payOrderId) return record.payOrderId === lookup.payOrderId;
  return lookup.mchOrderNo !== undefined && record.mchOrderNo === lookup.mchOrderNo;
}

export class Ledger {
  private readonly data: LedgerSnapshot;

  constructor(
    private readonly clock: Clock,
    private readonly file?: string,
  ) {
    this.data = file ? loadLedger(file) : emptyLedger();
    // Writing once at start turns an unwritable ledger path into a start-up error, not a failed payment later.
    this.persist();
  }

  /** A deep copy with time-dependent statuses resolved at the current clock. */
  snapshot(): LedgerSnapshot {
    this.settleDue();
    return structuredClone(this.data);
  }

  v1Order(lookup: OrderLookup): V1Order | undefined {
    this.settleDue();
    return this.v1Orders().find((order) => matches(order, lookup));
  }

  v1OrderByCode(identityCode: string): V1Order | undefined {
    return this.v1Orders().find((order) => order.identityCode === identityCode);
  }

  v1Refund(mchRefundNo: string): V1Refund | undefined {
    this.settleDue();
    return this.data.refunds.find((r): r is V1Refund => r.api === 'v1' && r.mchRefundNo === mchRefundNo);
  }

  v3Purchase(lookup: OrderLookup): V3Purchase | undefined {
    return this.v3Purchases().find((order) => matches(order, lookup));
  }

  v3PurchaseBySecureId(secureId: string): V3Purchase | undefined {
    return this.v3Purchases().find((order) => order.secureId === secureId);
  }

  v3Refund(lookup: OrderLookup): V3Refund | undefined {
    return this.data.refunds.find(
      (r): r is V3Refund =>
        r.api === 'v3' &&
        (lookup.payOrderId ? r.payOrderId === lookup.payOrderId : r.mchRefundNo === lookup.mchOrderNo),
    );
  }

  card(lookup: { cardId?: string; secureId?: string }): CardRecord | undefined {
    return this.data.cards.find((card) =>
      lookup.secureId !== undefined ? card.secureId === lookup.secureId : card.cardId === lookup.cardId,
    );
  }

  /** Applies a change and persists it before anyone can answer the client: commit, then respond. */
  commit<T>(change: (data: LedgerSnapshot) => T): T {
    this.settleDue();
    const result = change(this.data);
    this.persist();
    return result;
  }

  private v1Orders(): V1Order[] {
    return this.data.orders.filter((order): order is V1Order => order.api === 'v1');
  }

  private v3Purchases(): V3Purchase[] {
    return this.data.orders.filter((order): order is V3Purchase => order.api === 'v3');
  }

  /**
   * Scenario 02/03 orders sit at status 1 until `settlesAt`. Resolving them in place on every read is the same
   * as computing them lazily (the clock never runs backwards) and keeps one source of truth.
   */
  private settleDue(): void {
    const now = this.clock.now();
    for (const order of this.v1Orders()) {
      const pending = order.pending;
      if (!pending || now < pending.settlesAt) continue;
      order.status = pending.finalStatus;
      if (pending.finalStatus === 2) {
        order.paySuccTime = pending.settlesAt;
        order.channelOrderNo = pending.channelOrderNo;
      }
      delete order.pending;
    }
    for (const refund of this.data.refunds) {
      if (refund.api !== 'v1' || !refund.pending || now < refund.pending.settlesAt) continue;
      refund.status = refund.pending.finalStatus;
      refund.refundSuccTime = refund.pending.settlesAt;
      delete refund.pending;
    }
  }

  private persist(): void {
    if (!this.file) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      // 0600 like every file in the app's data folder; the rename keeps it atomic (one writer: training-sandbox.lock).
      writeFileSync(tmp, JSON.stringify(this.data, null, 2), { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch (error) {
      throw new LedgerFileError(`cannot write sandbox ledger ${this.file}: ${String(error)}`);
    }
  }
}
