// Merchant-scan behaviour chosen by a payment code's last two digits (docs/sandbox.md "Scenarios"), and the
// wallet code formats a code must match first (docs/iotpay-api.md §7.1): WeChat 18 digits starting 10–15, Alipay 16–24
// digits starting 25–30, UnionPay 19 digits starting 62.
import type { MicropayChannel } from './wire-rules.js';

export type MicropayScenario =
  | 'paid'
  | 'password-then-paid'
  | 'password-then-cancelled'
  | 'insufficient-funds'
  | 'charged-then-dropped'
  | 'charged-then-slow'
  | 'invalid-code';

const WALLET_CODE: Record<MicropayChannel, RegExp> = {
  WX_MICROPAY: /^1[0-5]\d{16}$/,
  ALIPAY_MICROPAY: /^(2[5-9]|30)\d{14,22}$/,
  UPI_MICROPAY: /^62\d{17}$/,
};

export function isWalletCode(channel: MicropayChannel, code: string): boolean {
  return WALLET_CODE[channel].test(code);
}

export function scenarioFor(code: string): MicropayScenario {
  switch (code.slice(-2)) {
    case '02':
      return 'password-then-paid';
    case '03':
      return 'password-then-cancelled';
    case '04':
      return 'insufficient-funds';
    case '05':
      return 'charged-then-dropped';
    case '06':
      return 'charged-then-slow';
    case '07':
      return 'invalid-code';
    default:
      return 'paid'; // `01` and every other ending
  }
}

/** Test card numbers of the stand-in card form (docs/sandbox.md "Customer-scan QR and cards"). */
export const CARD_PAYS = '4242424242424242';
export const CARD_DECLINED = '4000000000000002';

/** Luhn check: the card form refuses a mistyped number before it reaches the "bank". */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
