// The receipt for a paid sale as the printer prints it: main lays it out (receipt:document, main/receipts/), one
// renderer for the paper, `pos charge` and this screen, so what the customer holds and what the screen shows are
// the same lines. Shown in the screen's language (the paper speaks the store's). Tenders are named as people say
// them; gateway codes and order numbers are not printed (the receipt code and a wallet code's last 4 digits find
// the sale again for a refund).
import { useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from './app-context.js';
import { call } from './invoke.js';

type Document = ChannelResponse<'receipt:document'>;
type Line = Document['lines'][number];

/** Test ids of a row (its whole line) and of its amount, by the row's role; the names the other screens use. */
const IDS: Record<string, { row?: string; amount?: string }> = {
  total: { row: 'receipt-total-row', amount: 'receipt-total' },
  subtotal: { row: 'sale-subtotal-row', amount: 'sale-subtotal' },
  tax: { row: 'sale-tax', amount: 'sale-tax-amount' },
  rounding: { row: 'receipt-rounding' },
  change: { row: 'receipt-change' },
  refund: { row: 'receipt-refund' },
  training: { row: 'receipt-training' },
  reprint: { row: 'receipt-reprint' },
  line: { row: 'receipt-line' },
  tender: { row: 'receipt-tender' },
  credit: { row: 'receipt-credit' },
  'returned-line': { row: 'receipt-returned-line' },
  discount: { row: 'receipt-discount' },
  registration: { row: 'receipt-registration' },
};

function ReceiptLine({ line }: { line: Line }) {
  const ids = IDS[line.role] ?? {};
  const className = `receipt-paper-line${line.bold ? ' is-bold' : ''}${line.tall ? ' is-tall' : ''} receipt-role-${line.role}`;
  if (line.kind === 'code') {
    return (
      <div className="receipt-paper-code" data-testid="receipt-code" data-symbology={line.code?.symbology}>
        <span className="receipt-bars" aria-hidden="true" />
        <span>{line.code?.value}</span>
      </div>
    );
  }
  const right = line.right;
  if (right !== undefined && line.text.trimEnd().endsWith(right)) {
    const text = line.text.trimEnd();
    return (
      <div className={className} data-testid={ids.row} data-code={line.taxCode}>
        <span>{text.slice(0, text.length - right.length)}</span>
        <span data-testid={ids.amount}>{right}</span>
      </div>
    );
  }
  return (
    <div className={className} data-testid={ids.row} data-code={line.taxCode}>
      {line.text.trimEnd() || ' '}
    </div>
  );
}

export function ReceiptView({ saleId }: { saleId: number }) {
  const { t, locale } = useApp();
  const [doc, setDoc] = useState<Document | null>(null);

  useEffect(() => {
    let stale = false;
    void call('receipt:document', { saleId, locale }).then((r) => {
      if (!stale && r) setDoc(r);
    });
    return () => {
      stale = true;
    };
  }, [saleId, locale]);

  if (!doc) return <p className="hint">{t('common.loading')}</p>;
  return (
    <article className="receipt receipt-paper" data-testid="receipt" data-columns={doc.columns} aria-label={t('receipt.title')} style={{ width: `calc(${doc.columns}ch + 2rem)` }}>
      {doc.lines.map((line, i) => (
        <ReceiptLine key={i} line={line} />
      ))}
    </article>
  );
}
