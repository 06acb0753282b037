// The trainer's page (docs/sandbox.md "Trainer page"): the control URL opened in a browser. A trainer playing
// the customer sees the recent orders and pays or cancels a waiting QR order with a plain form post. Pure:
// ledger snapshot in, HTML string out. No script at all, so the CSP can forbid every script.
import { MICROPAY_CHANNELS, ORDER_STATUS, type CardChannel, type V1Channel } from './wire-rules.js';
import { assertNever } from './gateway-context.js';
import { escapeHtml } from './http-exchange.js';
import type { LedgerOrder, LedgerSnapshot, V1Order, V3Purchase } from './ledger-records.js';

/** Enough for a training session; older orders are in `GET /control/ledger`. */
export const TRAINER_PAGE_ORDERS = 30;

export type TrainerNotice =
  | { kind: 'done'; action: 'paid' | 'cancelled'; order: string }
  | { kind: 'error'; code: 'NOT_FOUND' | 'NOT_PENDING' | 'BAD_REQUEST'; order: string };

/** What a person calls each channel, not the wire id. A ledger file from elsewhere may hold others: shown as is. */
const CHANNEL_NAMES: Readonly<Record<string, string>> = {
  WX_NATIVE: 'WeChat Pay QR',
  ALIPAY_QR: 'Alipay QR',
  UPI_QR: 'UnionPay QR',
  WX_MICROPAY: 'WeChat Pay (scan)',
  ALIPAY_MICROPAY: 'Alipay (scan)',
  UPI_MICROPAY: 'UnionPay (scan)',
  WX_APP: 'WeChat Pay (app)',
  ALIPAY_MOBILE: 'Alipay (app)',
  UPI_APP: 'UnionPay (app)',
  PF_CC: 'Card',
  UPI_EX: 'UnionPay card',
} satisfies Record<V1Channel | CardChannel, string>;

const CURRENCY_SIGNS: Record<string, string> = { CAD: '$', USD: 'US$', CNY: 'CN¥' };

/** Integer cents as money, by string arithmetic (never cents / 100): 450 CAD → "$4.50", 123456 → "$1,234.56". */
export function formatMoney(cents: number, currency: string): string {
  const sign = cents < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(cents))).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${CURRENCY_SIGNS[currency] ?? `${currency} `}${whole}.${digits.slice(-2)}`;
}

/** A wallet payment code shows its last 4 digits only, as in the logs (docs/style.md §11). */
export function maskWalletCode(code: string): string {
  return `•••• ${code.length > 4 ? code.slice(-4) : ''}`.trimEnd();
}

interface StatusView {
  /** Stable, for tests and `data-status`. */
  slug: string;
  words: string;
}

function refundView(paid: number, left: number, currency: string): StatusView {
  if (left <= 0) return { slug: 'refunded', words: 'paid, refunded' };
  return { slug: 'partly-refunded', words: `paid, ${formatMoney(paid - left, currency)} refunded` };
}

function v1Status(order: V1Order): StatusView {
  const scan = (MICROPAY_CHANNELS as readonly V1Channel[]).includes(order.channelId);
  switch (order.status) {
    case ORDER_STATUS.CREATED:
      return { slug: 'waiting', words: 'waiting' };
    case ORDER_STATUS.PAYING:
      return { slug: 'paying', words: 'entering password' };
    case ORDER_STATUS.PAID:
    case ORDER_STATUS.PAID_NOTIFIED:
      return order.refundedAmount > 0 ? refundView(order.amount, order.amount - order.refundedAmount, order.currency) : { slug: 'paid', words: 'paid' };
    case ORDER_STATUS.CLOSED:
      return scan ? { slug: 'declined', words: 'declined' } : { slug: 'closed', words: 'closed' };
    case ORDER_STATUS.CANCELLED:
      return { slug: 'cancelled', words: 'cancelled' };
    default:
      return { slug: 'unknown', words: `status ${order.status}` };
  }
}

function v3Status(order: V3Purchase): StatusView {
  switch (order.status) {
    case 0:
      return { slug: 'waiting', words: 'waiting for the card' };
    case 1:
      return { slug: 'unknown', words: "bank's answer unknown" };
    case 2:
    case 3:
      return order.refundable < order.amount ? refundView(order.amount, order.refundable, order.currency) : { slug: 'paid', words: 'paid' };
    case 9:
      return { slug: 'declined', words: 'declined' };
    default:
      return { slug: 'unknown', words: `status ${order.status}` };
  }
}

function statusOf(order: LedgerOrder): StatusView {
  return order.api === 'v1' ? v1Status(order) : v3Status(order);
}

/** Customer-side v1 orders (QR, and app orders, which the control API treats alike) wait for the customer. */
function customerCanAct(order: LedgerOrder): boolean {
  return order.api === 'v1' && order.status === ORDER_STATUS.CREATED && !(MICROPAY_CHANNELS as readonly V1Channel[]).includes(order.channelId);
}

function detailOf(order: LedgerOrder): string {
  if (order.api === 'v1') return order.identityCode ? `code ${maskWalletCode(order.identityCode)}` : '';
  // The ledger keeps cards masked already (424242******4242); the page shows even less.
  const cardNum = order.card?.cardNum ?? '';
  return cardNum.length > 4 ? `card ${maskWalletCode(cardNum)}` : '';
}

function timeOf(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-CA', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
}

function actions(order: LedgerOrder): string {
  if (!customerCanAct(order)) return '';
  const id = escapeHtml(order.payOrderId);
  const form = (path: string, testid: string, label: string, cls: string) =>
    `<form method="post" action="${path}"><input type="hidden" name="payOrderId" value="${id}">` +
    `<button type="submit" class="${cls}" data-testid="${testid}">${label}</button></form>`;
  return form('/trainer/pay', 'trainer-pay', 'Pay', 'pay') + form('/trainer/cancel', 'trainer-cancel', 'Cancel', 'cancel');
}

function row(order: LedgerOrder): string {
  const status = statusOf(order);
  const channel = order.api === 'v1' ? order.channelId : order.channel;
  const detail = detailOf(order);
  return `<tr data-testid="trainer-order" data-pay-order-id="${escapeHtml(order.payOrderId)}" data-status="${escapeHtml(status.slug)}">
<td class="time">${escapeHtml(timeOf(order.createdAt))}</td>
<td><span class="order">${escapeHtml(order.mchOrderNo)}</span><span class="sub">${escapeHtml(order.payOrderId)}</span></td>
<td><span class="channel">${escapeHtml(CHANNEL_NAMES[channel] ?? channel)}</span>${detail ? `<span class="sub">${escapeHtml(detail)}</span>` : ''}</td>
<td class="subject">${escapeHtml(order.subject)}</td>
<td class="amount">${escapeHtml(formatMoney(order.amount, order.currency))}</td>
<td><span class="status s-${escapeHtml(status.slug)}">${escapeHtml(status.words)}</span></td>
<td class="actions">${actions(order)}</td>
</tr>`;
}

function noticeText(notice: TrainerNotice): string {
  const order = escapeHtml(notice.order);
  if (notice.kind === 'done') {
    return notice.action === 'paid'
      ? `Order <b>${order}</b> paid. The till shows it at its next check, within a few seconds.`
      : `Order <b>${order}</b> cancelled by the customer.`;
  }
  switch (notice.code) {
    case 'NOT_FOUND':
      return `There is no order <b>${order}</b> in the sandbox. Nothing changed.`;
    case 'NOT_PENDING':
      return `Order <b>${order}</b> is no longer waiting for the customer. Nothing changed.`;
    case 'BAD_REQUEST':
      return 'That request named no order. Nothing changed.';
    default:
      return assertNever(notice.code);
  }
}

/** Newest first; at most TRAINER_PAGE_ORDERS. */
export function recentOrders(snapshot: LedgerSnapshot): LedgerOrder[] {
  return snapshot.orders
    .map((order, index) => ({ order, index }))
    .sort((a, b) => b.order.createdAt - a.order.createdAt || b.index - a.index)
    .slice(0, TRAINER_PAGE_ORDERS)
    .map(({ order }) => order);
}

const STYLE = `*{box-sizing:border-box}body{font:15px/1.4 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d232b}
header{background:#1f5f8b;color:#fff;padding:14px 24px;display:flex;align-items:center;gap:16px;flex-wrap:wrap}
header h1{font-size:20px;margin:0}header p{margin:0;opacity:.9}header a{margin-left:auto;color:#fff;background:#ffffff26;border:1px solid #ffffff80;border-radius:6px;padding:6px 14px;text-decoration:none}
main{padding:16px 24px}.notice{background:#fff;border-left:4px solid #1f5f8b;padding:10px 14px;margin:0 0 14px}.notice.error{border-color:#b3261e}
table{width:100%;border-collapse:collapse;background:#fff}th,td{padding:8px 10px;text-align:left;vertical-align:middle;border-bottom:1px solid #e3e6ea}
th{font-size:13px;color:#5a6470;font-weight:600;background:#fafbfc}.sub{display:block;font-size:12px;color:#6b7580}.order{font-family:ui-monospace,monospace}
.amount{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.time,.channel{white-space:nowrap}.time{color:#5a6470}.scroll{overflow-x:auto;box-shadow:0 1px 3px #0003;border-radius:4px}.subject{min-width:8em;overflow-wrap:anywhere}
.status{display:inline-block;padding:2px 8px;border-radius:10px;background:#e8eaed;font-size:13px;white-space:nowrap}
.s-waiting,.s-paying{background:#fff1c2}.s-paid,.s-partly-refunded{background:#d7f2dd}.s-cancelled,.s-declined,.s-closed,.s-refunded{background:#f3dcdc}
.actions{white-space:nowrap}.actions form{display:inline}button{font:inherit;padding:6px 16px;border-radius:6px;border:1px solid;cursor:pointer;margin-right:6px}
.pay{background:#1e7d3a;border-color:#1e7d3a;color:#fff}.cancel{background:#fff;border-color:#b3261e;color:#b3261e}.empty{padding:24px;text-align:center;color:#5a6470}`;

/** The whole page. `nonce` lets the one inline style block through the CSP; it is random per response. */
export function trainerPage(snapshot: LedgerSnapshot, nonce: string, notice?: TrainerNotice): string {
  const orders = recentOrders(snapshot);
  const body =
    orders.length === 0
      ? '<tr><td colspan="7" class="empty">No orders yet. Start a QR payment at the till, then press Refresh.</td></tr>'
      : orders.map(row).join('\n');
  const banner = notice ? `<p class="notice${notice.kind === 'error' ? ' error' : ''}" role="status" data-testid="trainer-notice">${noticeText(notice)}</p>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>IOTPay sandbox: trainer</title><link rel="icon" href="data:,"><style nonce="${escapeHtml(nonce)}">${STYLE}</style></head>
<body><header><h1>IOTPay sandbox: trainer</h1><p>You play the customer. Training only: no money moves.</p>
<a href="/" data-testid="trainer-refresh">Refresh</a></header>
<main>${banner}<div class="scroll"><table><thead><tr><th>Time</th><th>Order</th><th>Channel</th><th>Subject</th><th class="amount">Amount</th><th>Status</th><th></th></tr></thead>
<tbody data-testid="trainer-orders">
${body}
</tbody></table></div></main></body></html>`;
}
