// The words printed on receipts, slips and the Z report, in the three languages the app ships. A printed receipt
// speaks the store's language (settings.locale); the on-screen receipt speaks the screen's. Kept here, beside the
// layout, because main prints without a screen (the CLI, a queued slip after a restart) and the renderer's
// dictionaries are not main's to import (eslint.config.js LAYERS). Same words as the screens where both say it.
import type { Locale } from '../../preload/locales.js';

export interface ReceiptWords {
  receipt: string;
  refundSlip: string;
  zReport: string;
  testPage: string;
  reprint: string;
  training: string;
  terminal: string;
  cashier: string;
  sale: (id: number) => string;
  gstNumber: (n: string) => string;
  qstNumber: (n: string) => string;
  subtotal: string;
  /** A tax's taxable base, when it is not the whole subtotal: "GST 5% on $12.40". */
  taxOn: (base: string) => string;
  total: string;
  discount: string;
  taxesIncluded: string;
  rounding: string;
  cashTendered: string;
  change: string;
  refund: string;
  refunded: string;
  reason: string;
  /** An exchange's credit paying the sale: returned items of sale #id; the items a refund slip gives back for. */
  exchangeCredit: (saleId: number) => string;
  returnedItems: string;
  /** On the refund slip of an exchange: the part of the returned value that paid sale #id. */
  creditedTo: (saleId: number) => string;
  tax: Record<string, string>;
  tender: { cash: string; card: string; wallet: string };
  channel: Record<string, string>;
  zNumber: (n: number) => string;
  storeDay: string;
  netSales: string;
  refunds: string;
  taxCollected: string;
  expectedCash: string;
  countedCash: string;
  difference: string;
  seal: string;
  salesCount: string;
  /** The Z's shifts (docs/staff.md "On the Z") and the sales still parked at the close. */
  shifts: string;
  shift: (id: number, openedBy: string) => string;
  shiftClosedBy: (name: string) => string;
  shiftStillOpen: string;
  shiftExpected: string;
  shiftCounted: string;
  shiftVariance: string;
  varianceApprovedBy: (name: string) => string;
  parkedSales: string;
  parkedSale: (id: number, cashier: string) => string;
  testLine: string;
  accents: string;
  columns: (n: number) => string;
  codepage: string;
  printedAt: string;
  thanks: string;
}

const EN: ReceiptWords = {
  receipt: 'RECEIPT', refundSlip: 'REFUND', zReport: 'Z REPORT', testPage: 'PRINTER TEST', reprint: 'REPRINT',
  training: 'TRAINING - NOT A VALID RECEIPT', terminal: 'Terminal', cashier: 'Cashier', sale: (id) => `Sale #${id}`,
  gstNumber: (n) => `GST/HST no. ${n}`, qstNumber: (n) => `QST no. ${n}`,
  subtotal: 'Subtotal', taxOn: (base) => `on ${base}`, total: 'Total', discount: 'Discount', taxesIncluded: 'Taxes included', rounding: 'Rounding',
  cashTendered: 'Cash received', change: 'Change due', refund: 'Refund', refunded: 'Refunded', reason: 'Reason', exchangeCredit: (id) => `Exchange credit, sale #${id}`, returnedItems: 'Items returned', creditedTo: (id) => `Credited to sale #${id}`,
  tax: { GST: 'GST', HST: 'HST', PST: 'PST', QST: 'QST', RST: 'RST' },
  tender: { cash: 'Cash', card: 'Card', wallet: 'Wallet' },
  channel: { WX_MICROPAY: 'WeChat Pay', ALIPAY_MICROPAY: 'Alipay', UPI_MICROPAY: 'UnionPay', WX_NATIVE: 'WeChat Pay QR', ALIPAY_QR: 'Alipay QR', UPI_QR: 'UnionPay QR', PF_CC: 'Card', CASH: 'Cash' },
  zNumber: (n) => `Z #${n}`, storeDay: 'Store day', netSales: 'Net sales', refunds: 'Refunds', taxCollected: 'Tax collected',
  expectedCash: 'Expected cash', countedCash: 'Counted cash', difference: 'Difference', seal: 'Seal', salesCount: 'Sales',
  shifts: 'SHIFTS', shift: (id, by) => `Shift #${id} · ${by}`, shiftClosedBy: (n) => `  Closed by ${n}`, shiftStillOpen: '  Still open',
  shiftExpected: '  Expected', shiftCounted: '  Counted', shiftVariance: '  Variance', varianceApprovedBy: (n) => `  Approved by ${n}`,
  parkedSales: 'PARKED SALES (NOT COUNTED)', parkedSale: (id, c) => `Sale #${id} · ${c}`,
  testLine: 'This printer works.', accents: 'Accents: é è ê à ç ô û É À Ç', columns: (n) => `${n} columns`, codepage: 'Code page',
  printedAt: 'Printed', thanks: 'Thank you!',
};

const FR: ReceiptWords = {
  receipt: 'REÇU', refundSlip: 'REMBOURSEMENT', zReport: 'RAPPORT Z', testPage: "TEST D'IMPRIMANTE", reprint: 'RÉIMPRESSION',
  training: 'FORMATION - REÇU NON VALIDE', terminal: 'Terminal', cashier: 'Caissier', sale: (id) => `Vente no ${id}`,
  gstNumber: (n) => `No de TPS/TVH ${n}`, qstNumber: (n) => `No de TVQ ${n}`,
  subtotal: 'Sous-total', taxOn: (base) => `sur ${base}`, total: 'Total', discount: 'Rabais', taxesIncluded: 'Taxes incluses', rounding: 'Arrondi',
  cashTendered: 'Montant reçu', change: 'Monnaie à rendre', refund: 'Remboursement', refunded: 'Remboursé', reason: 'Motif', exchangeCredit: (id) => `Crédit d'échange, vente no ${id}`, returnedItems: 'Articles retournés', creditedTo: (id) => `Porté au crédit de la vente no ${id}`,
  tax: { GST: 'TPS', HST: 'TVH', PST: 'TVP', QST: 'TVQ', RST: 'TVD' },
  tender: { cash: 'Comptant', card: 'Carte', wallet: 'Portefeuille' },
  channel: { WX_MICROPAY: 'WeChat Pay', ALIPAY_MICROPAY: 'Alipay', UPI_MICROPAY: 'UnionPay', WX_NATIVE: 'Code QR WeChat Pay', ALIPAY_QR: 'Code QR Alipay', UPI_QR: 'Code QR UnionPay', PF_CC: 'Carte', CASH: 'Comptant' },
  zNumber: (n) => `Z no ${n}`, storeDay: 'Journée', netSales: 'Ventes nettes', refunds: 'Remboursements', taxCollected: 'Taxes perçues',
  expectedCash: 'Comptant attendu', countedCash: 'Comptant compté', difference: 'Écart', seal: 'Sceau', salesCount: 'Ventes',
  shifts: 'QUARTS', shift: (id, by) => `Quart no ${id} · ${by}`, shiftClosedBy: (n) => `  Fermé par ${n}`, shiftStillOpen: '  Encore ouvert',
  shiftExpected: '  Attendu', shiftCounted: '  Compté', shiftVariance: '  Écart', varianceApprovedBy: (n) => `  Approuvé par ${n}`,
  parkedSales: 'VENTES EN ATTENTE (NON COMPTÉES)', parkedSale: (id, c) => `Vente no ${id} · ${c}`,
  testLine: "Cette imprimante fonctionne.", accents: 'Accents : é è ê à ç ô û É À Ç', columns: (n) => `${n} colonnes`, codepage: 'Page de codes',
  printedAt: 'Imprimé', thanks: 'Merci!',
};

const ZH: ReceiptWords = {
  receipt: '收据', refundSlip: '退款单', zReport: 'Z 报表', testPage: '打印机测试', reprint: '重印 REPRINT',
  training: '培训模式 - 非有效收据', terminal: '终端', cashier: '收银员', sale: (id) => `销售单 #${id}`,
  gstNumber: (n) => `GST/HST 税号 ${n}`, qstNumber: (n) => `QST 税号 ${n}`,
  subtotal: '小计', taxOn: (base) => `应税 ${base}`, total: '合计', discount: '折扣', taxesIncluded: '价格含税', rounding: '现金尾数调整',
  cashTendered: '实收现金', change: '应找零', refund: '退款', refunded: '已退款', reason: '原因', exchangeCredit: (id) => `换货抵扣，销售单 #${id}`, returnedItems: '退回商品', creditedTo: (id) => `抵扣销售单 #${id}`,
  tax: { GST: 'GST', HST: 'HST', PST: 'PST', QST: 'QST', RST: 'RST' },
  tender: { cash: '现金', card: '银行卡', wallet: '钱包' },
  channel: { WX_MICROPAY: '微信支付', ALIPAY_MICROPAY: '支付宝', UPI_MICROPAY: '银联', WX_NATIVE: '微信支付二维码', ALIPAY_QR: '支付宝二维码', UPI_QR: '银联二维码', PF_CC: '银行卡', CASH: '现金' },
  zNumber: (n) => `Z #${n}`, storeDay: '营业日', netSales: '净销售额', refunds: '退款', taxCollected: '已收税款',
  expectedCash: '应有现金', countedCash: '清点现金', difference: '差额', seal: '封印', salesCount: '销售笔数',
  shifts: '班次', shift: (id, by) => `班次 #${id} · ${by}`, shiftClosedBy: (n) => `  结班人 ${n}`, shiftStillOpen: '  未结班',
  shiftExpected: '  应有', shiftCounted: '  清点', shiftVariance: '  差额', varianceApprovedBy: (n) => `  批准人 ${n}`,
  parkedSales: '挂起的销售（未计入）', parkedSale: (id, c) => `销售单 #${id} · ${c}`,
  testLine: '打印机工作正常。', accents: 'Accents: é è ê à ç ô û', columns: (n) => `${n} 列`, codepage: '代码页',
  printedAt: '打印时间', thanks: '谢谢惠顾！',
};

const WORDS: Record<Locale, ReceiptWords> = { 'en-CA': EN, 'fr-CA': FR, 'zh-CN': ZH };

export function receiptWords(locale: Locale): ReceiptWords {
  return WORDS[locale];
}

/** A tender as people say it: the wallet or channel's name, never the gateway's code. */
export function tenderWords(words: ReceiptWords, tender: string, channel: string): string {
  const code = channel.toUpperCase();
  if (Object.hasOwn(words.channel, code)) return words.channel[code] as string;
  if (tender === 'cash') return words.tender.cash;
  if (tender === 'card') return words.tender.card;
  if (code.startsWith('WX')) return words.channel.WX_MICROPAY as string;
  if (code.startsWith('ALIPAY')) return words.channel.ALIPAY_MICROPAY as string;
  if (code.startsWith('UPI')) return words.channel.UPI_MICROPAY as string;
  return words.tender.wallet;
}
