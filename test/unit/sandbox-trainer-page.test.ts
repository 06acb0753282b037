// The trainer page's pure parts: escaping, money, masking, and a page rendered from a hostile ledger (a
// ledger file can hold anything, so every field is treated as untrusted text).
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../main/sandbox/http-exchange.js';
import type { LedgerSnapshot, V1Order, V3Purchase } from '../../main/sandbox/ledger-records.js';
import { formatMoney, maskWalletCode, recentOrders, trainerPage } from '../../main/sandbox/trainer-page.js';
import { noticeFrom } from '../../main/sandbox/trainer-routes.js';

const HOSTILE = `"><script>alert('x')</script><img src=x onerror=alert(1)>&amp;`;

function v1(overrides: Partial<V1Order> = {}): V1Order {
  return {
    api: 'v1', payOrderId: 'WN1', mchOrderNo: 'T1P1', channelId: 'WX_NATIVE', currency: 'CAD', amount: 450, subject: 'Latte', body: 'b',
    clientIp: '127.0.0.1', device: 'T1', extra: '', notifyUrl: '', param1: '', param2: '', status: 0, refundedAmount: 0, createdAt: 1_000, ...overrides,
  };
}

function v3(overrides: Partial<V3Purchase> = {}): V3Purchase {
  return {
    api: 'v3', payOrderId: 'PC1', mchOrderNo: 'C1', channel: 'PF_CC', currency: 'CAD', amount: 1500, loginName: 'pos', subject: 'Card sale', body: '',
    notifyUrl: '', returnUrl: '', status: 2, refundable: 1500, invoiceNum: '1', authNum: '1', transNum: '1', createdAt: 2_000,
    card: { cardNum: '424242******4242', cardType: 'V', expiryDate: '1227' }, ...overrides,
  };
}

const ledger = (orders: LedgerSnapshot['orders']): LedgerSnapshot => ({ orders, refunds: [], cards: [] });

describe('escapeHtml', () => {
  it('turns every character that can open a tag, an entity or leave an attribute into an entity', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&#60;&#62;&#38;&#34;&#39;');
    expect(escapeHtml(HOSTILE)).not.toMatch(/[<>"']/);
    expect(escapeHtml('&amp;')).toBe('&#38;amp;');
    expect(escapeHtml('Café 两杯咖啡')).toBe('Café 两杯咖啡');
  });
});

describe('formatMoney and maskWalletCode', () => {
  it('formats integer cents as money without floating point', () => {
    expect(formatMoney(450, 'CAD')).toBe('$4.50');
    expect(formatMoney(5, 'CAD')).toBe('$0.05');
    expect(formatMoney(0, 'CAD')).toBe('$0.00');
    expect(formatMoney(123456789, 'CAD')).toBe('$1,234,567.89');
    expect(formatMoney(29, 'USD')).toBe('US$0.29');
    expect(formatMoney(100, 'CNY')).toBe('CN¥1.00');
    expect(formatMoney(100, 'EUR')).toBe('EUR 1.00');
  });

  it('keeps only the last 4 of a wallet code', () => {
    expect(maskWalletCode('134567890123456701')).toBe('•••• 6701');
    expect(maskWalletCode('12')).toBe('••••');
  });
});

describe('trainerPage', () => {
  it('escapes every ledger field and the notice, and keeps the buttons for a waiting QR order only', () => {
    const hostileOrder = v1({ payOrderId: HOSTILE, mchOrderNo: HOSTILE, subject: HOSTILE, currency: HOSTILE, channelId: HOSTILE as V1Order['channelId'] });
    const html = trainerPage(ledger([hostileOrder, v1({ payOrderId: 'WN2', status: 2, createdAt: 500 })]), 'NONCE', { kind: 'error', code: 'NOT_FOUND', order: HOSTILE });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain("alert('x')");
    expect(html.match(/data-testid="trainer-pay"/g)).toHaveLength(1);
    expect(html).toContain(`value="${escapeHtml(HOSTILE)}"`);
    expect(html).toContain('<style nonce="NONCE">');
  });

  it('names channels and statuses as people say them; masks codes and cards', () => {
    const orders = [
      v1({ payOrderId: 'a', channelId: 'WX_MICROPAY', status: 1, identityCode: '134567890123456702' }),
      v1({ payOrderId: 'b', channelId: 'ALIPAY_MICROPAY', status: 4, identityCode: '2845678901234567804' }),
      v1({ payOrderId: 'c', channelId: 'UPI_QR', status: 3, refundedAmount: 150 }),
      v1({ payOrderId: 'd', channelId: 'ALIPAY_QR', status: 2, refundedAmount: 450 }),
      v1({ payOrderId: 'e', channelId: 'ALIPAY_QR', status: 9 }),
      v3({ payOrderId: 'f' }),
      v3({ payOrderId: 'g', status: 9, channel: 'UPI_EX', card: undefined }),
    ];
    const html = trainerPage(ledger(orders), 'N');
    const status = (id: string) => new RegExp(`data-pay-order-id="${id}" data-status="([^"]+)"`).exec(html)?.[1];
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(status)).toEqual(['paying', 'declined', 'partly-refunded', 'refunded', 'cancelled', 'paid', 'declined']);
    for (const words of ['WeChat Pay (scan)', 'Alipay (scan)', 'UnionPay QR', 'Alipay QR', 'Card', 'UnionPay card', 'entering password',
      'declined', 'paid, $1.50 refunded', 'cancelled', 'code •••• 6702', 'card •••• 4242', '$15.00']) {
      expect(html).toContain(words);
    }
    expect(html).not.toContain('134567890123456702');
    expect(html).not.toContain('424242');
    expect(html).not.toContain('trainer-pay');
  });

  it('says so when there are no orders', () => {
    expect(trainerPage(ledger([]), 'N')).toContain('No orders yet');
  });

  it('lists at most 30, newest first, the later one first on a tie', () => {
    const many = Array.from({ length: 40 }, (_, i) => v1({ payOrderId: `P${i}`, createdAt: Math.floor(i / 2) }));
    const ids = recentOrders(ledger(many)).map((o) => o.payOrderId);
    expect(ids).toHaveLength(30);
    expect(ids.slice(0, 3)).toEqual(['P39', 'P38', 'P37']);
  });
});

describe('noticeFrom', () => {
  it('accepts only known outcomes and codes', () => {
    expect(noticeFrom(new URLSearchParams('done=paid&order=T1'))).toEqual({ kind: 'done', action: 'paid', order: 'T1' });
    expect(noticeFrom(new URLSearchParams('error=NOT_PENDING&order=WN1'))).toEqual({ kind: 'error', code: 'NOT_PENDING', order: 'WN1' });
    expect(noticeFrom(new URLSearchParams('error=<b>x</b>'))).toBeUndefined();
    expect(noticeFrom(new URLSearchParams('done=refunded'))).toBeUndefined();
    expect(noticeFrom(new URLSearchParams(`done=paid&order=${'x'.repeat(500)}`))?.order).toHaveLength(64);
  });
});
