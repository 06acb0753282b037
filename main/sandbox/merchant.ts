// Who may call the sandbox: one merchant id and its MD5 key. Checked before any field, as IOTPay does.
import { sandboxVerify } from './signing.js';
import type { WireParams } from './wire-parse.js';
import { text } from './validate.js';

export interface Merchant {
  mchId: string;
  key: string;
}

/** The FAIL retMsg for a request this merchant did not sign, or null when it is authentic. */
export function authProblem(params: WireParams, merchant: Merchant): string | null {
  const mchId = text(params, 'mchId');
  if (mchId === '') return 'mchId is required';
  if (mchId !== merchant.mchId) return 'mchId not exist';
  return sandboxVerify(params, merchant.key) ? null : 'signature error';
}
