// Which IOTPay answers must carry a signature: one table, one row per kind of answer, each row citing what
// IOTPay documents (docs/iotpay-api.md §2.2, §2.3 and "Findings from third-party clients").
//   required    a missing `sign` is a ResponseSignatureError (outcome unknown): IOTPay documents one here, so
//               an unsigned answer is not IOTPay's.
//   if-present  IOTPay documents none; an unsigned answer is accepted and reported `signed: false` (journaled
//               as unsigned by the payment engine). A `sign` that is present is ALWAYS verified: a wrong one is
//               a ResponseSignatureError under either rule.
// `pos gateway check` (gateway-check.ts) can raise a row to `required` once it has seen the live gateway sign
// that endpoint's answers; nothing lowers a row.

export type SignatureRule = 'required' | 'if-present';

export const SIGNATURE_POLICY = {
  /** Customer-scan QR create_order: IOTPay's wire sample carries `sign` [S3]. */
  'create_order:qr': 'required',
  /** Merchant-scan create_order: the response table could not be read past errCode [P5]; no sample shows `sign`. */
  'create_order:micropay': 'if-present',
  /** App create_order: [S1] lists payParams, no `sign`. */
  'create_order:app': 'if-present',
  /** query_order: the field table lists no `sign` [P6]; only `pos gateway check` can tell whether it is signed. */
  query_order: 'if-present',
  /** refund_order: the refund page documents only retCode/resCode/retMsg [P8]. */
  refund_order: 'if-present',
  /** v3 synchronous answers: `{retCode, retMsg, retData}`, no `sign` documented [P13]; the iOS SDK's structs have none. */
  cc_purchase: 'if-present',
  cc_addcard: 'if-present',
  cc_query: 'if-present',
  cc_void: 'if-present',
  cc_refund: 'if-present',
  cc_purchasewithtoken: 'if-present',
  /** v1 notifications carry `sign` [P7, P2]. */
  'notify:v1': 'required',
  /** v3 notifications carry `sign` [G2-old, P13-redirect, G1]. */
  'notify:v3': 'required',
} as const satisfies Record<string, SignatureRule>;

export type SignedAnswer = keyof typeof SIGNATURE_POLICY;
export type SignaturePolicy = Readonly<Record<SignedAnswer, SignatureRule>>;

/** Rows a gateway check may raise: the answers it provokes without moving money. */
export const CHECKABLE_ANSWERS = ['query_order', 'refund_order'] as const satisfies readonly SignedAnswer[];
export type CheckableAnswer = (typeof CHECKABLE_ANSWERS)[number];

/** The table, with the rows the live gateway was seen signing raised to `required`. */
export function resolvePolicy(seenSigned: readonly CheckableAnswer[] = []): SignaturePolicy {
  const policy: Record<SignedAnswer, SignatureRule> = { ...SIGNATURE_POLICY };
  for (const answer of seenSigned) policy[answer] = 'required';
  return policy;
}

export function isSignedAnswer(value: string): value is SignedAnswer {
  return Object.hasOwn(SIGNATURE_POLICY, value);
}
