// The one contract between the screens and main: every channel (`domain:verb`), its request and response
// schema, and which window roles may call it; plus the events each role receives. Main validates against it
// at the door (main/app/dispatch.ts); preloads and the browser bridge expose exactly these channels; the
// renderer imports only types from here. No other list of channel names exists.
import type { z } from 'zod';
import { empty, events as ev, requests as rq, responses as rs } from './contract-schemas.js';
import type { ErrorCode } from './error-codes.js';

export { ERROR_CODES, isErrorCode, type ErrorCode } from './error-codes.js';

export type WindowRole = 'cashier' | 'customer-display' | 'kiosk' | 'manager';

const CASHIER = ['cashier'] as const;
const TILL = ['cashier', 'kiosk'] as const;
const MANAGER = ['manager'] as const;
const ALL = ['cashier', 'customer-display', 'kiosk', 'manager'] as const;

/**
 * `session`: the channel needs a manager PIN session (`manager:unlock`); its request carries the token and the
 * door (main/app/dispatch.ts) checks it once, before any handler runs.
 */
function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, roles: readonly WindowRole[], access: { session?: true } = {}) {
  return { request, response, roles, session: access.session === true };
}

const SESSION = { session: true } as const;

export const CHANNELS = {
  'app:info': channel(empty, rs.appInfo, ALL),
  // The store's default language; each screen switches its own language locally (renderer/shared/locale.ts).
  'app:setLocale': channel(rq.setLocale, rs.ok, MANAGER, SESSION),
  'sale:current': channel(empty, rs.sale, [...TILL, 'customer-display']),
  'sale:new': channel(empty, rs.sale, TILL),
  'sale:addItem': channel(rq.addItem, rs.sale, TILL),
  'sale:addCustom': channel(rq.addCustom, rs.sale, CASHIER),
  'sale:setQuantity': channel(rq.setQuantity, rs.sale, TILL),
  'sale:removeLine': channel(rq.removeLine, rs.sale, TILL),
  'sale:void': channel(rq.voidSale, rs.sale, TILL),
  'sale:refundExcess': channel(rq.refundExcess, rs.sale, CASHIER),
  'catalog:search': channel(rq.search, rs.products, TILL),
  'scan:submit': channel(rq.scan, rs.scanResult, TILL),
  'payment:chargeByScan': channel(rq.chargeByScan, rs.attempt, TILL),
  'payment:chargeByQr': channel(rq.chargeByQr, rs.attempt, TILL),
  'payment:startCard': channel(rq.startCard, rs.cardStart, CASHIER),
  'payment:confirmCard': channel(rq.attempt, rs.attempt, CASHIER),
  'payment:payCash': channel(rq.payCash, rs.attempt, CASHIER),
  'payment:cancel': channel(rq.attempt, rs.cancelled, TILL),
  'payment:override': channel(rq.override, rs.attempt, CASHIER),
  // Late successes of this till's sales that wait for a manager: a banner on the cashier screen until resolved.
  'payment:needsAction': channel(empty, rs.attempts, TILL),
  // What a screen that (re)loads mid-payment needs to pick it up again; the events only carry changes.
  'payment:live': channel(empty, rs.livePayment, [...TILL, 'customer-display']),
  'receipt:get': channel(rq.receipt, rs.receipt, TILL),
  'manager:unlock': channel(rq.unlock, rs.unlocked, MANAGER),
  'manager:lock': channel(rq.managerOnly, rs.ok, MANAGER),
  'report:dailyTotals': channel(rq.dailyTotals, rs.dailyTotals, MANAGER, SESSION),
  'report:closeDay': channel(rq.closeDay, rs.zReport, MANAGER, SESSION),
  'refund:findSales': channel(rq.findSales, rs.sales, MANAGER, SESSION),
  'refund:create': channel(rq.refund, rs.refund, MANAGER, SESSION),
  'attempt:needsAction': channel(rq.managerOnly, rs.attempts, MANAGER, SESSION),
  'attempt:resolve': channel(rq.resolve, rs.attempt, MANAGER, SESSION),
  'settings:get': channel(rq.managerOnly, rs.settings, MANAGER, SESSION),
  'settings:update': channel(rq.updateSettings, rs.settings, MANAGER, SESSION),
  'settings:setMerchantKey': channel(rq.setMerchantKey, rs.settings, MANAGER, SESSION),
  'journal:verify': channel(rq.managerOnly, rs.verify, MANAGER, SESSION),
  'scanners:status': channel(rq.managerOnly, rs.scanners, MANAGER, SESSION),
  // What the last `pos gateway check` found, as the running app applies it.
  'gateway:lastCheck': channel(rq.managerOnly, rs.gatewayCheck, MANAGER, SESSION),
  // Serial ports and HID interfaces that could be scanners, for the setup screen to choose from.
  'scanners:discover': channel(rq.managerOnly, rs.scannerDiscovery, MANAGER, SESSION),
} as const;

export type ChannelName = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];
export type ChannelRequest<C extends ChannelName> = z.input<(typeof CHANNELS)[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.output<(typeof CHANNELS)[C]['response']>;

/**
 * What every call answers (docs/style.md §2). The renderer shows a translated message for `error.code`, with
 * `error.message` (main's English) as the fallback for codes it has no words for. `details` carries only the
 * whitelisted numbers such a message needs (tries left, minutes, cents due): main/app/error-details.ts.
 */
export type IpcError = { code: ErrorCode; message: string; details?: Record<string, number> };
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export type SaleView = z.output<typeof rs.sale>;
export type AttemptView = z.output<typeof rs.attempt>;
export type LivePaymentView = NonNullable<z.output<typeof rs.livePayment>>;

/**
 * Events pushed to screens, with their schemas (contract-schemas.ts `events`): main parses each payload before it
 * is sent (main/app/event-fanout.ts). The customer display gets only what it shows: amounts, the QR, status.
 */
export const EVENTS = ev;
export type EventName = keyof typeof EVENTS;
export type EventMap = { [E in EventName]: z.output<(typeof EVENTS)[E]> };

export const EVENTS_BY_ROLE: Record<WindowRole, readonly EventName[]> = {
  cashier: ['sale:changed', 'payment:qr', 'payment:attempt', 'payment:countdown', 'payment:cardForm', 'till:notice', 'app:connectivity', 'app:locale', 'app:clock'],
  kiosk: ['sale:changed', 'payment:qr', 'payment:attempt', 'payment:countdown', 'till:notice', 'app:connectivity', 'app:locale'],
  'customer-display': ['sale:changed', 'payment:qr', 'payment:attempt', 'payment:countdown', 'app:locale'],
  manager: ['payment:attempt', 'refund:changed', 'app:connectivity', 'app:locale', 'app:clock'],
};

export function channelsFor(role: WindowRole): ChannelName[] {
  return CHANNEL_NAMES.filter((name) => (CHANNELS[name].roles as readonly WindowRole[]).includes(role));
}

/** The typed API a screen gets (from its preload in Electron, or the bridge in a browser). */
export interface PosApi {
  invoke<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<IpcResult<ChannelResponse<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
