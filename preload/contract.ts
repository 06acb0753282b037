// The one contract between the screens and main: every channel (`domain:verb`), its request and response
// schema, and which window roles may call it; plus the events each role receives. Main validates against it
// at the door (main/app/dispatch.ts); preloads and the browser bridge expose exactly these channels; the
// renderer imports only types from here. No other list of channel names exists.
import type { z } from 'zod';
import { empty, events as ev, requests as rq, responses as rs } from './contract-schemas.js';
import type { ErrorCode } from './error-codes.js';
import type { StaffRole } from './staff-roles.js';
import { staffRequests as srq, staffResponses as srs } from './staff-schemas.js';
import * as ret from './return-schemas.js';
import * as prt from './printing-schemas.js';
import { storeRequests as strq, storeResponses as strs } from './store-schemas.js';
import { taxRateRequests as txrq, taxRateResponses as txrs } from './tax-rate-schemas.js';

export { ERROR_CODES, isErrorCode, type ErrorCode } from './error-codes.js';

export type WindowRole = 'cashier' | 'customer-display' | 'kiosk' | 'manager';

const CASHIER = ['cashier'] as const;
const TILL = ['cashier', 'kiosk'] as const;
const MANAGER = ['manager'] as const;
const ALL = ['cashier', 'customer-display', 'kiosk', 'manager'] as const;

/**
 * `staff`: the lowest staff role (preload/staff-roles.ts) of the person who may make this call, checked once by the
 * door (main/app/dispatch.ts) before any handler runs (docs/staff.md "The door"). On the manager screen that person
 * is the holder of the PIN session (`manager:unlock`), whose token the request carries (`session`); on the cashier
 * screen, whoever is signed in at the till. The kiosk and the customer display have no person: they act as devices.
 */
function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, roles: readonly WindowRole[], access: { staff?: StaffRole } = {}) {
  const staff = access.staff ?? null;
  return { request, response, roles, staff, session: staff !== null && roles.every((r) => r === 'manager') };
}

/** A supervisor's or manager's PIN session on the manager screen. */
const SESSION = { staff: 'supervisor' } as const;
/** A manager's PIN session: settings, the day close, the staff list. */
const MANAGER_SESSION = { staff: 'manager' } as const;
/** Someone signed in at the till (on the cashier screen; the kiosk has no sign-in). */
const SIGNED_IN = { staff: 'cashier' } as const;

export const CHANNELS = {
  'app:info': channel(empty, rs.appInfo, ALL),
  // The store's default language; each screen switches its own language locally (renderer/shared/locale.ts).
  'app:setLocale': channel(rq.setLocale, rs.ok, MANAGER, MANAGER_SESSION),
  'sale:current': channel(empty, rs.sale, [...TILL, 'customer-display']),
  'sale:new': channel(empty, rs.sale, TILL, SIGNED_IN),
  'sale:addItem': channel(rq.addItem, rs.sale, TILL, SIGNED_IN),
  'sale:addCustom': channel(rq.addCustom, rs.sale, CASHIER, SIGNED_IN),
  'sale:setQuantity': channel(rq.setQuantity, rs.sale, TILL, SIGNED_IN),
  'sale:removeLine': channel(rq.removeLine, rs.sale, TILL, SIGNED_IN),
  'sale:void': channel(rq.voidSale, rs.sale, TILL, SIGNED_IN),
  'sale:refundExcess': channel(rq.refundExcess, rs.sale, CASHIER, SIGNED_IN),
  // Held (parked) sales (docs/register.md "Held sales"): the counter only; the kiosk never parks.
  'sale:park': channel(empty, rs.parked, CASHIER, SIGNED_IN),
  'sale:parked': channel(empty, rs.parkedSales, CASHIER),
  'sale:resume': channel(rq.resumeSale, rs.resumed, CASHIER, SIGNED_IN),
  // Discounts and price overrides (docs/register.md "Discounts"): the counter only, never the kiosk.
  'sale:discountLine': channel(rq.discountLine, rs.sale, CASHIER, SIGNED_IN),
  'sale:discountSale': channel(rq.discountSale, rs.sale, CASHIER, SIGNED_IN),
  'sale:removeDiscount': channel(rq.removeDiscount, rs.sale, CASHIER, SIGNED_IN),
  'sale:overridePrice': channel(rq.overridePrice, rs.sale, CASHIER, SIGNED_IN),
  'catalog:search': channel(rq.search, rs.products, TILL),
  'scan:submit': channel(rq.scan, rs.scanResult, TILL, SIGNED_IN),
  'payment:chargeByScan': channel(rq.chargeByScan, rs.attempt, TILL, SIGNED_IN),
  'payment:chargeByQr': channel(rq.chargeByQr, rs.attempt, TILL, SIGNED_IN),
  'payment:startCard': channel(rq.startCard, rs.cardStart, CASHIER, SIGNED_IN),
  'payment:confirmCard': channel(rq.attempt, rs.attempt, CASHIER, SIGNED_IN),
  'payment:payCash': channel(rq.payCash, rs.attempt, CASHIER, SIGNED_IN),
  'payment:cancel': channel(rq.attempt, rs.cancelled, TILL, SIGNED_IN),
  'payment:override': channel(rq.override, rs.attempt, CASHIER, SIGNED_IN),
  // Late successes of this till's sales that wait for a manager: a banner on the cashier screen until resolved.
  'payment:needsAction': channel(empty, rs.attempts, TILL),
  // What a screen that (re)loads mid-payment needs to pick it up again; the events only carry changes.
  'payment:live': channel(empty, rs.livePayment, [...TILL, 'customer-display']),
  'receipt:get': channel(rq.receipt, rs.receipt, TILL),
  // Staff (docs/staff.md): sign-in at the till, a new PIN (the factory PIN's first change), the staff list, shifts.
  'staff:current': channel(empty, srs.current, CASHIER),
  'staff:signIn': channel(srq.signIn, srs.signedIn, CASHIER),
  'staff:signOut': channel(empty, rs.ok, CASHIER),
  'staff:changePin': channel(srq.changePin, srs.signedIn, [...CASHIER, ...MANAGER]),
  'staff:list': channel(rq.managerOnly, srs.staffList, MANAGER, MANAGER_SESSION),
  'staff:add': channel(srq.addStaff, srs.staffList, MANAGER, MANAGER_SESSION),
  'staff:disable': channel(srq.disableStaff, srs.staffList, MANAGER, MANAGER_SESSION),
  'staff:setPolicy': channel(srq.policy, srs.staffList, MANAGER, MANAGER_SESSION),
  'shift:current': channel(empty, srs.shift, CASHIER, SIGNED_IN),
  'shift:open': channel(srq.openShift, srs.closedShift, CASHIER, SIGNED_IN),
  'shift:moveCash': channel(srq.moveCash, srs.closedShift, CASHIER, SIGNED_IN),
  'shift:close': channel(srq.closeShift, srs.closedShift, CASHIER, SIGNED_IN),
  // Today's shifts, read-only, for the manager screen (a supervisor may look).
  'shift:today': channel(rq.managerOnly, srs.shifts, MANAGER, SESSION),
  'manager:unlock': channel(rq.unlock, rs.unlocked, MANAGER),
  'manager:lock': channel(rq.managerOnly, rs.ok, MANAGER),
  'report:dailyTotals': channel(rq.dailyTotals, rs.dailyTotals, MANAGER, SESSION),
  'report:closeDay': channel(rq.closeDay, rs.zReport, MANAGER, MANAGER_SESSION),
  // The store database (docs/store.md): this terminal's sync, the Whole store totals, the store Z and its close.
  'store:sync': channel(rq.managerOnly, strs.storeSync, MANAGER, SESSION),
  'store:totals': channel(strq.storeTotals, strs.storeTotals, MANAGER, SESSION),
  'store:day': channel(strq.storeDay, strs.storeDay, MANAGER, SESSION),
  'store:closeDay': channel(strq.storeCloseDay, strs.storeDay, MANAGER, MANAGER_SESSION),
  'store:connect': channel(strq.storeConnect, strs.storeConnected, MANAGER, MANAGER_SESSION),
  'refund:findSales': channel(rq.findSales, rs.sales, MANAGER, SESSION),
  'refund:create': channel(rq.refund, rs.refund, MANAGER, SESSION),
  // Returns by line (docs/register.md "Returns and exchanges"): priced by main, refunded on the sale's own tenders.
  'refund:quote': channel(ret.requests.quote, ret.responses.returnQuote, MANAGER, SESSION),
  'refund:returnLines': channel(ret.requests.returnLines, ret.responses.returnResult, MANAGER, SESSION),
  'refund:quoteExchange': channel(ret.requests.quoteExchange, ret.responses.exchangeQuote, MANAGER, SESSION),
  'refund:exchange': channel(ret.requests.exchange, ret.responses.exchangeResult, MANAGER, SESSION),
  // Without a receipt: catalog items at today's price, cash only, a manager's call.
  'refund:quoteNoReceipt': channel(ret.requests.quoteNoReceipt, ret.responses.returnQuote, MANAGER, MANAGER_SESSION),
  'refund:noReceipt': channel(ret.requests.noReceipt, ret.responses.returnResult, MANAGER, MANAGER_SESSION),
  // The same at the cashier screen (main/app/handlers/till-return-handlers.ts): a supervisor's or manager's PIN approves.
  'exchange:findSale': channel(ret.tillRequests.findSale, rs.sale, CASHIER, SIGNED_IN),
  'exchange:quote': channel(ret.tillRequests.quoteExchange, ret.responses.exchangeQuote, CASHIER, SIGNED_IN),
  'exchange:confirm': channel(ret.tillRequests.exchange, ret.responses.exchangeResult, CASHIER, SIGNED_IN),
  'return:quoteNoReceipt': channel(ret.tillRequests.quoteNoReceipt, ret.responses.returnQuote, CASHIER, SIGNED_IN),
  'return:noReceipt': channel(ret.tillRequests.noReceipt, ret.responses.returnResult, CASHIER, SIGNED_IN),
  'attempt:needsAction': channel(rq.managerOnly, rs.attempts, MANAGER, SESSION),
  'attempt:resolve': channel(rq.resolve, rs.attempt, MANAGER, SESSION),
  'settings:get': channel(rq.managerOnly, rs.settings, MANAGER, MANAGER_SESSION),
  'settings:update': channel(rq.updateSettings, rs.settings, MANAGER, MANAGER_SESSION),
  'settings:setMerchantKey': channel(rq.setMerchantKey, rs.settings, MANAGER, MANAGER_SESSION),
  // Tax rate overrides (docs/register.md "Rate overrides"): a manager's, journaled with who and why (approval `settings`).
  'tax:rates': channel(txrq.rates, txrs.rates, MANAGER, MANAGER_SESSION),
  'tax:override': channel(txrq.override, txrs.rates, MANAGER, MANAGER_SESSION),
  'tax:removeOverride': channel(txrq.remove, txrs.rates, MANAGER, MANAGER_SESSION),
  'journal:verify': channel(rq.managerOnly, rs.verify, MANAGER, SESSION),
  'scanners:status': channel(rq.managerOnly, rs.scanners, MANAGER, MANAGER_SESSION),
  // What the last `pos gateway check` found, as the running app applies it.
  'gateway:lastCheck': channel(rq.managerOnly, rs.gatewayCheck, MANAGER, MANAGER_SESSION),
  // Serial ports and HID interfaces that could be scanners, for the setup screen to choose from.
  'scanners:discover': channel(rq.managerOnly, rs.scannerDiscovery, MANAGER, MANAGER_SESSION),
  // Receipts on paper and the cash drawer (docs/printing.md). The on-screen receipt is the printer's layout.
  'receipt:document': channel(prt.requests.document, prt.responses.document, TILL),
  'printer:queue': channel(empty, prt.responses.queue, TILL),
  'receipt:paper': channel(prt.requests.paper, prt.responses.paper, TILL),
  'printer:retry': channel(empty, prt.responses.queue, TILL),
  'printer:skip': channel(prt.requests.skip, prt.responses.queue, TILL),
  'drawer:open': channel(prt.requests.openDrawer, prt.responses.drawer, CASHIER),
  'printer:setup': channel(rq.managerOnly, prt.responses.setup, MANAGER, MANAGER_SESSION),
  'printer:save': channel(prt.requests.save, prt.responses.setup, MANAGER, MANAGER_SESSION),
  'printer:discover': channel(rq.managerOnly, prt.responses.discovery, MANAGER, MANAGER_SESSION),
  'printer:test': channel(rq.managerOnly, rs.ok, MANAGER, MANAGER_SESSION),
  'receipt:find': channel(prt.requests.find, prt.responses.found, MANAGER, SESSION),
  'receipt:reprint': channel(prt.requests.reprint, prt.responses.reprinted, MANAGER, SESSION),
  'report:printZ': channel(prt.requests.printZ, prt.responses.zQueued, MANAGER, MANAGER_SESSION),
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
  cashier: ['sale:changed', 'payment:qr', 'payment:attempt', 'payment:countdown', 'payment:cardForm', 'till:notice', 'app:connectivity', 'app:locale', 'app:clock', 'printer:queue'],
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
