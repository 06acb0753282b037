// Answer shapes: the other ways IOTPay is documented or observed to answer (docs/iotpay-api.md, "Findings from
// third-party clients"), chosen per run, so the client is tested against each and not only against the
// sandbox's own first choice. `--shapes payParams=string,unsignedQuery,unsignedRefund,userpaying,refundStatus=3`.

export interface AnswerShapes {
  /** App orders: `payParams` as an object (WeChat app pay) or as a string (Alipay app pay, in one client's docs). */
  payParams: 'object' | 'string';
  /** query_order answers without `sign`: IOTPay documents none on them. */
  unsignedQuery: boolean;
  /** refund_order answers without `sign`: the refund page documents only retCode/resCode/retMsg. */
  unsignedRefund: boolean;
  /** v3 answers without `sign`, exactly as IOTPay documents them. */
  unsignedCards: boolean;
  /** The password prompt (codes ending 02/03) answered as `resCode=FAIL errCode=USERPAYING` instead of status 1. */
  userpaying: boolean;
  /**
   * The `status` a new refund is answered with: 2 (default), 4 complete, 3 failed (nothing refunded), 0 or 1 in
   * progress (settles to 2 after `refundSettleMs`), any other number as sent, or `none` to leave it out.
   */
  refundStatus: number | 'none';
  /** WeChat Pay's own errCodes (NOTENOUGH, AUTHCODEEXPIRE, ORDERNOTEXIST, OUT_TRADE_NO_USED) for the sandbox's. */
  wechatCodes: boolean;
}

export const DEFAULT_SHAPES: Readonly<AnswerShapes> = {
  payParams: 'object', unsignedQuery: false, unsignedRefund: false, unsignedCards: false, userpaying: false,
  refundStatus: 2, wechatCodes: false,
};

export class ShapeSpecError extends Error {
  readonly code = 'SANDBOX_SHAPES';
}

const FLAGS = ['unsignedQuery', 'unsignedRefund', 'unsignedCards', 'userpaying', 'wechatCodes'] as const;

function flagValue(name: string, value: string | undefined): boolean {
  if (value === undefined || value === 'true') return true;
  if (value === 'false') return false;
  throw new ShapeSpecError(`${name} takes no value (or true/false), got '${value}'`);
}

function refundStatusOf(value: string | undefined): number | 'none' {
  if (value === 'none') return 'none';
  if (value === undefined || !/^\d$/.test(value)) throw new ShapeSpecError(`refundStatus must be a digit 0-9 or none, got '${value ?? ''}'`);
  return Number(value);
}

/** `payParams=string,unsignedQuery,refundStatus=3` → shapes; anything unknown is refused, not ignored. */
export function parseShapeSpec(spec: string): AnswerShapes {
  const shapes: AnswerShapes = { ...DEFAULT_SHAPES };
  for (const part of spec.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [name = '', value, extra] = part.split('=');
    if (extra !== undefined) throw new ShapeSpecError(`bad shape '${part}'`);
    if (name === 'payParams') {
      if (value !== 'string' && value !== 'object') throw new ShapeSpecError(`payParams must be string or object, got '${value ?? ''}'`);
      shapes.payParams = value;
    } else if (name === 'refundStatus') {
      shapes.refundStatus = refundStatusOf(value);
    } else if ((FLAGS as readonly string[]).includes(name)) {
      shapes[name as (typeof FLAGS)[number]] = flagValue(name, value);
    } else {
      throw new ShapeSpecError(`unknown shape '${name}' (known: payParams, refundStatus, ${FLAGS.join(', ')})`);
    }
  }
  return shapes;
}

/** Checks shapes given as an object (startSandbox's option), with the same rules as the spec. */
export function checkShapes(input: Partial<AnswerShapes> | undefined): AnswerShapes {
  const shapes = { ...DEFAULT_SHAPES, ...input };
  if (shapes.payParams !== 'object' && shapes.payParams !== 'string') throw new ShapeSpecError('payParams must be string or object');
  const status = shapes.refundStatus;
  if (status !== 'none' && !(Number.isInteger(status) && status >= 0 && status <= 9)) throw new ShapeSpecError('refundStatus must be 0-9 or none');
  for (const flag of FLAGS) if (typeof shapes[flag] !== 'boolean') throw new ShapeSpecError(`${flag} must be true or false`);
  return shapes;
}
