// CSV export: RFC 4180 quoting, formula defusing, a date range in the store's zone, decimal amounts from integers.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttempt, transitionAttempt } from '../../main/journal/attempts.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { createRefund, transitionRefund } from '../../main/journal/refunds.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { CSV_COLUMNS, exportCsv } from '../../main/reports/csv-export.js';
import { csvRecord, defuseFormula, quoteCsvField } from '../../main/reports/csv-format.js';
import { formatMinorUnits } from '../../main/reports/decimal-amount.js';
import { ManualClock } from '../../main/shared/clock.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('CSV fields (RFC 4180)', () => {
  it('quotes only when needed and doubles quotes', () => {
    expect(quoteCsvField('plain')).toBe('plain');
    expect(quoteCsvField('a,b')).toBe('"a,b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('two\nlines')).toBe('"two\nlines"');
    expect(quoteCsvField('cr\r')).toBe('"cr\r"');
    expect(quoteCsvField(null)).toBe('');
    expect(quoteCsvField(-125)).toBe('-125');
    expect(csvRecord(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });

  it('defuses spreadsheet formulas in free text', () => {
    expect(defuseFormula('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(defuseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(defuseFormula('Ann')).toBe('Ann');
  });

  it('formats minor units by the currency’s ISO 4217 digits, without float math', () => {
    expect(formatMinorUnits(123456, 'CAD')).toBe('1234.56');
    expect(formatMinorUnits(5, 'CAD')).toBe('0.05');
    expect(formatMinorUnits(-1200, 'CNY')).toBe('-12.00');
    expect(formatMinorUnits(1500, 'JPY')).toBe('1500');
    expect(formatMinorUnits(1234, 'KWD')).toBe('1.234');
    expect(formatMinorUnits(9007199254740991, 'USD')).toBe('90071992547409.91');
  });
});

describe('exportCsv', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let journal: Journal;
  let clock: ManualClock;

  beforeEach(() => {
    dir = makeTempDir('reports-csv-');
    clock = new ManualClock();
    journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock, terminalId: 'T01', timeZone: 'America/Toronto' });
  });
  afterEach(() => {
    journal.close();
    dir.remove();
  });

  function payAt(at: string, cents: number, cashier: string): number {
    clock.advance(Date.parse(at) - clock.now());
    const sale = createSale(journal, { cashier, currency: 'CAD' });
    addLine(journal, sale.id, { sku: 'X', name: 'Item', unitPriceCents: cents, quantity: 1 });
    const a = createAttempt(journal, { saleId: sale.id, tender: 'wallet_scan', channel: 'WX_MICROPAY', amountCents: cents, currency: 'CAD', cashier, paymentCode: `13456789012345${String(cents).padStart(4, '0')}` });
    transitionAttempt(journal, a.id, 'succeeded', { payOrderId: 'P,1' });
    return a.id;
  }

  it('exports the range in the store zone, quoted, with refunds negative', () => {
    payAt('2026-06-01T03:59:00Z', 100, 'early'); // Toronto 05-31 23:59: outside
    const id = payAt('2026-06-01T04:00:00Z', 1234, 'Smith, "Ann"'); // Toronto 06-01 00:00: inside
    payAt('2026-06-03T03:00:00Z', 5, '=cmd'); // Toronto 06-02 23:00: inside
    payAt('2026-06-03T04:00:00Z', 7, 'late'); // Toronto 06-03: outside
    clock.advance(-1000 * 3600 * 20);
    const r = createRefund(journal, { attemptId: id, amountCents: 234, reason: 'bad\nsmell', approvedBy: 'mgr' });
    transitionRefund(journal, r.id, 'succeeded');

    const csv = exportCsv(journal, { fromDay: '2026-06-01', toDay: '2026-06-02' });
    const records = csv.split('\r\n');
    expect(records[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv).not.toContain('early');
    expect(csv).not.toContain(',late,');
    expect(records[1]).toContain(',"Smith, ""Ann""",');
    expect(records[1]).toContain(',CAD,1234,12.34,"P,1",');
    expect(records[1]).toContain(',2026-06-01,');
    expect(csv).toContain(`,'=cmd,`);
    expect(csv).toContain(',CAD,5,0.05,');
    expect(csv).toContain(',CAD,-234,-2.34,');
    expect(csv).toContain('"bad\nsmell"');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.match(/^(payment|refund),/gm)).toEqual(['payment', 'refund', 'payment'].map((t) => `${t},`));
  });
});
