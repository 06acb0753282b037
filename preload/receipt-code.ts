// What a receipt's barcode holds, so the refund screen finds the sale again by scanning it: the terminal and the
// sale number, as `R` + terminal + `-` + sale, e.g. `RT1-1042`. Only capital letters, digits and `-`, so it prints
// as CODE 128 or a QR and reads back through any scanner or keyboard wedge unchanged. One owner for the format:
// the printer writes it with receiptCode, the refund screen and the scanner door read it with parseReceiptCode.
const RECEIPT_CODE = /^R([A-Z0-9]{2,8})-([1-9][0-9]{0,11})$/;

export interface ReceiptRef {
  terminalId: string;
  saleId: number;
}

export function receiptCode(ref: ReceiptRef): string {
  return `R${ref.terminalId}-${ref.saleId}`;
}

/** The sale a scanned or typed receipt code names, or null when the text is not a receipt code. */
export function parseReceiptCode(text: string): ReceiptRef | null {
  const match = RECEIPT_CODE.exec(text.trim().toUpperCase());
  if (!match) return null;
  const saleId = Number(match[2]);
  return Number.isSafeInteger(saleId) ? { terminalId: match[1] as string, saleId } : null;
}
