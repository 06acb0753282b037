// The shapes of receipts, the printer and the cash drawer (docs/printing.md), kept beside the contract's own schemas
// (contract-schemas.ts) and used by contract.ts. The on-screen receipt is the printer's layout, line for line.
import { z } from 'zod';
import { LOCALES } from './locales.js';
import { PAPER_COLUMNS, PRINT_FAULTS, PRINTER_CODEPAGES, PRINTER_KINDS, PRINTER_LANGUAGES } from './printer-options.js';

const id = z.number().int().positive();
const session = z.object({ session: z.string().min(16).max(128) });
const fault = z.enum(PRINT_FAULTS);
const columns = z.union([z.literal(PAPER_COLUMNS[0]), z.literal(PAPER_COLUMNS[1])]);

/** One printed line (main/receipts/receipt-text.ts TextLine); a pair's first line also carries its two halves. */
export const receiptLine = z.object({
  kind: z.enum(['text', 'code']), text: z.string(), bold: z.boolean(), tall: z.boolean(), role: z.string(),
  left: z.string().optional(), right: z.string().optional(), taxCode: z.string().optional(),
  code: z.object({ symbology: z.enum(['code128', 'qr']), value: z.string() }).optional(),
});

export const queueView = z.object({
  pending: z.number().int().min(0),
  fault: fault.nullable(),
  jobs: z.array(z.object({ id, kind: z.enum(['sale', 'refund', 'z-report', 'test']), saleId: id.nullable(), reprint: z.boolean(), fault: z.string().nullable(), createdAt: z.number() })),
});

export const printerSetupView = z.object({
  configured: z.boolean(),
  kind: z.enum(PRINTER_KINDS).nullable(),
  /** tcp://HOST:PORT, serial:PATH@BAUD or usb:PATH. */
  target: z.string().nullable(),
  columns, codepage: z.enum(PRINTER_CODEPAGES), language: z.enum(PRINTER_LANGUAGES), cjk: z.boolean(), drawer: z.boolean(),
  /** What the printer says now (DLE EOT), where it says it. */
  fault: fault.nullable(), drawerOpen: z.boolean().nullable(), paperNearEnd: z.boolean().nullable(),
});

export const requests = {
  /** `locale`: the screen's language for the on-screen receipt; absent: the store's (as printed). */
  document: z.object({ saleId: id, locale: z.enum(LOCALES).optional() }),
  /** Whether sale `saleId`'s receipt is on its way to paper (the kiosk's done screen: "take your receipt"). */
  paper: z.object({ saleId: id }),
  skip: z.object({ jobId: id }),
  /** A manager's PIN approves the drawer opening without a sale (approval `drawer-open`); `reason` is journaled. */
  openDrawer: z.object({ pin: z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits'), reason: z.string().trim().min(3).max(200) }),
  save: session.extend({
    /** null: no printer. tcp://HOST:PORT, host:port, serial:PATH[@BAUD] or usb:PATH. */
    target: z.string().trim().min(3).max(200).nullable(),
    columns, codepage: z.enum(PRINTER_CODEPAGES), language: z.enum(PRINTER_LANGUAGES), cjk: z.boolean(), drawer: z.boolean(),
  }),
  find: session.extend({ query: z.string().trim().max(40).default('') }),
  reprint: session.extend({ saleId: id }),
  printZ: session.extend({ zNumber: id }),
};

export const responses = {
  document: z.object({ columns, training: z.boolean(), reprint: z.boolean(), lines: z.array(receiptLine) }),
  queue: queueView,
  /** `printing`: its receipt is queued without a fault, or printed; false with no printer (nothing is queued). */
  paper: z.object({ printing: z.boolean() }),
  drawer: z.object({ result: z.string(), approvedBy: z.string() }),
  setup: printerSetupView,
  discovery: z.object({
    serial: z.array(z.object({ path: z.string(), label: z.string() })),
    usb: z.array(z.object({ path: z.string() })),
  }),
  found: z.array(z.object({ saleId: id, status: z.string(), totalCents: z.number().int(), currency: z.string(), createdAt: z.number(), cashier: z.string() })),
  reprinted: z.object({ jobId: id, saleId: id }),
  zQueued: z.object({ jobId: id, zNumber: id }),
};
