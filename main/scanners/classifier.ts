// Decides what a scanned string is: a wallet payment code, a GS1 product code, or unknown (docs/iotpay-api.md §7).
// Wallet prefix rules change, so they are data, not code; the defaults follow docs/iotpay-api.md §7.1.
import { normaliseGtin, type Gs1Format } from './gs1.js';
import type { UnknownReason, WalletChannel } from './scan-types.js';

export interface WalletRule {
  wallet: WalletChannel;
  /** Leading digits that identify the wallet, e.g. ['10', …, '15'] for WeChat. */
  prefixes: string[];
  lengths: number[];
}

export interface ClassifierRules {
  wallets: WalletRule[];
  /** GS1 lengths accepted as product codes; always checked with the mod-10 check digit. */
  productLengths: number[];
  /** Scanner-configured prefixes (e.g. an AIM id like "]E0") removed before classifying. */
  stripPrefixes: string[];
}

export type Classification =
  | { kind: 'payment'; wallet: WalletChannel; code: string }
  | { kind: 'product'; gtin: string; format: Gs1Format; scanned: string }
  | { kind: 'unknown'; reason: UnknownReason };

function prefixRange(from: number, to: number): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p += 1) out.push(String(p));
  return out;
}

function lengthRange(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export const defaultClassifierRules: ClassifierRules = {
  wallets: [
    // WeChat: 18 digits, 10–14 mainland, 15 Hong Kong (docs/iotpay-api.md §7.1, WeChat docs [W1]).
    { wallet: 'WX_MICROPAY', prefixes: prefixRange(10, 15), lengths: [18] },
    // Alipay: 16–24 digits starting 25–30; "the length is whatever the scanner returns" [W3, W5].
    { wallet: 'ALIPAY_MICROPAY', prefixes: prefixRange(25, 30), lengths: lengthRange(16, 24) },
    // UnionPay QuickPass C2B: 19 digits starting 62 (LIKELY per docs/iotpay-api.md §7.1).
    { wallet: 'UPI_MICROPAY', prefixes: ['62'], lengths: [19] },
  ],
  productLengths: [8, 12, 13, 14],
  stripPrefixes: [],
};

function stripConfiguredPrefix(text: string, prefixes: string[]): string {
  const hit = prefixes.find((p) => p.length > 0 && text.startsWith(p));
  return hit ? text.slice(hit.length) : text;
}

export function matchWallet(digits: string, rules: ClassifierRules): WalletChannel | undefined {
  const rule = rules.wallets.find(
    (r) => r.lengths.includes(digits.length) && r.prefixes.some((p) => digits.startsWith(p)),
  );
  return rule?.wallet;
}

export function classifyCode(text: string, rules: ClassifierRules = defaultClassifierRules): Classification {
  const stripped = stripConfiguredPrefix(text.trim(), rules.stripPrefixes);
  if (stripped.length === 0) return { kind: 'unknown', reason: 'empty' };
  if (!/^\d+$/.test(stripped)) return { kind: 'unknown', reason: 'no-rule-matched' };
  // Payment rules first: if a misconfiguration ever made a length overlap, the code must still never reach
  // product search (issue: "a payment code never goes into product search").
  const wallet = matchWallet(stripped, rules);
  if (wallet) return { kind: 'payment', wallet, code: stripped };
  if (!rules.productLengths.includes(stripped.length)) return { kind: 'unknown', reason: 'no-rule-matched' };
  const product = normaliseGtin(stripped);
  if (!product) return { kind: 'unknown', reason: 'bad-check-digit' };
  return { kind: 'product', gtin: product.gtin, format: product.format, scanned: stripped };
}

/** True when `text` would be charged as a wallet code; catalog search uses it to refuse such queries. */
export function looksLikePaymentCode(text: string, rules: ClassifierRules = defaultClassifierRules): boolean {
  return classifyCode(text, rules).kind === 'payment';
}
