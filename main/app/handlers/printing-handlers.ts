// Receipts, the printer and the cash drawer (docs/printing.md). Thin: the queue, the printer and the drawer live in
// main/printing, the slips in main/receipts, their composition in ../printing-service.ts.
import type { Handlers } from '../dispatch.js';
import { cashierOf, tillFor, type AppContext } from '../app-context.js';
import { TillError } from '../../checkout/till.js';
import { getDayClose } from '../../journal/day-closes.js';
import { findSaleIds } from '../../journal/sale-search.js';
import { storeDayOf } from '../../journal/store-day.js';
import { discoverPrinters } from '../../printing/discovery.js';
import { PrinterError } from '../../printing/printer-errors.js';
import { describePrinterTarget, parsePrinterTarget } from '../../printing/printer-target.js';
import { layoutLines } from '../../receipts/receipt-text.js';
import type { PrintingService } from '../printing-service.js';
import { saleView } from '../views.js';

type PrintingHandlers = Pick<Handlers, 'receipt:document' | 'receipt:paper' | 'printer:queue' | 'printer:retry' | 'printer:skip' | 'drawer:open' | 'printer:setup' | 'printer:save' | 'printer:discover' | 'printer:test' | 'receipt:find' | 'receipt:reprint' | 'report:printZ'>;

/** A target the file holds but that cannot be parsed shows as no printer, to be chosen again. */
function targetOf(text: string): ReturnType<typeof parsePrinterTarget> | null {
  try {
    return parsePrinterTarget(text);
  } catch {
    return null;
  }
}

export function printingHandlers(ctx: AppContext, printing: PrintingService): PrintingHandlers {
  const journal = ctx.services.journal;
  const setup = async () => {
    const p = ctx.savedSettings.get().printer;
    const now = p ? await printing.status() : { status: null, fault: 'not-configured' as const };
    const target = p ? targetOf(p.target) : null;
    return {
      configured: target !== null, kind: target?.kind ?? null, target: target ? describePrinterTarget(target) : null,
      columns: p?.columns ?? 48, codepage: p?.codepage ?? 'cp858', language: p?.language ?? 'esc-pos', cjk: p?.cjk ?? false, drawer: p?.drawer ?? true,
      fault: (now.fault ?? (now.status && !now.status.online ? 'offline' : null)) as 'offline' | null,
      drawerOpen: now.status?.drawerOpen ?? null, paperNearEnd: now.status?.paperNearEnd ?? null,
    };
  };
  return {
    'receipt:document': (r, role) => {
      if (!tillFor(ctx, role).owns(r.saleId)) throw new TillError('NOT_THIS_TILL', 'That sale was not rung up at this till.');
      const doc = printing.documentOf({ kind: 'sale', saleId: r.saleId, refundId: null, zNumber: null, reprint: false }, r.locale);
      const columns = printing.format().columns;
      return { columns, training: doc.training, reprint: doc.reprint, lines: layoutLines(doc, columns) };
    },
    'receipt:paper': (r, role) => {
      if (!tillFor(ctx, role).owns(r.saleId)) throw new TillError('NOT_THIS_TILL', 'That sale was not rung up at this till.');
      return { printing: printing.receiptOnPaper(r.saleId) };
    },
    'printer:queue': () => printing.queue.state(),
    'printer:retry': () => printing.queue.pump(),
    'printer:skip': (r, role) => {
      printing.queue.skip(r.jobId, cashierOf(ctx, role));
      return printing.queue.state();
    },
    'drawer:open': async (r, role) => {
      // The drawer opens with no sale only on a manager's (or supervisor's) PIN: approval drawer-open, journaled.
      const approvedBy = ctx.sessions.approve(r.pin, 'drawer-open');
      const opening = await printing.openDrawer({ openedBy: cashierOf(ctx, role), approvedBy, reason: `manager: ${r.reason}`, saleId: null });
      return { result: opening.result, approvedBy };
    },
    'printer:setup': () => setup(),
    'printer:save': async (r) => {
      const saved = ctx.savedSettings.get();
      const printer = r.target === null ? undefined : { ...saved.printer, target: describePrinterTarget(parsePrinterTarget(r.target)), columns: r.columns, codepage: r.codepage, language: r.language, cjk: r.cjk, drawer: r.drawer };
      // The printer applies to the next slip: the queue reads the saved settings each time it prints.
      ctx.savedSettings.save({ ...saved, printer });
      printing.queue.printInBackground();
      return setup();
    },
    'printer:discover': () => discoverPrinters(),
    'printer:test': async () => {
      await printing.printTestPage();
      return { ok: true as const };
    },
    'receipt:find': (r) => {
      const settings = ctx.services.settings;
      const ids = findSaleIds(journal, { query: r.query, storeDay: storeDayOf(ctx.clock.now(), settings.storeTimeZone), timeZone: settings.storeTimeZone });
      return ids.map((saleId) => {
        const s = saleView(journal, saleId);
        return { saleId, status: s.status, totalCents: s.totalCents, currency: s.currency, createdAt: s.createdAt, cashier: s.cashier };
      });
    },
    'receipt:reprint': (r, _role, caller) => {
      saleView(journal, r.saleId); // a sale that does not exist is refused here, not queued
      if (!printing.target()) throw new PrinterError('not-configured', 'no receipt printer is set up (Manager → Settings)');
      const job = printing.enqueue({ kind: 'sale', saleId: r.saleId, reprint: true, requestedBy: caller?.staffId ?? 'manager' });
      return { jobId: job.id, saleId: r.saleId };
    },
    'report:printZ': (r, _role, caller) => {
      getDayClose(journal, r.zNumber); // a Z that was never taken is refused here, not queued
      if (!printing.target()) throw new PrinterError('not-configured', 'no receipt printer is set up (Manager → Settings)');
      // The close queued the Z once when a printer was set up; the button then prints a copy marked REPRINT.
      const job = printing.enqueue({ kind: 'z-report', zNumber: r.zNumber, reprint: printing.zQueued(r.zNumber), requestedBy: caller?.staffId ?? 'manager' });
      return { jobId: job.id, zNumber: r.zNumber };
    },
  };
}
