// The one door (docs/style.md §2): every call from any screen, through either host, is checked here once. The
// channel must exist, the caller's role must be on its allow-list, the payload must parse; the handler's
// answer is parsed with the response schema too, so a field added by mistake is stripped rather than sent.
import { ZodError } from 'zod';
import { CHANNELS, isErrorCode, type ChannelName, type ChannelRequest, type ChannelResponse, type ErrorCode, type IpcResult, type WindowRole } from '../../preload/contract.js';
import type { StaffRole } from '../../preload/staff-roles.js';
import { staffNeeded } from '../../preload/channel-access.js';
import type { Logger } from '../shared/logger.js';
import type { Caller } from './manager-sessions.js';
import { publicDetails } from './error-details.js';
import type { z } from 'zod';

type Parsed<C extends ChannelName> = z.output<(typeof CHANNELS)[C]['request']>;
/** `caller`: the person the door found for a channel that declares `staff` (absent on the kiosk and display, and for other channels). */
export type Handler<C extends ChannelName> = (request: Parsed<C>, role: WindowRole, caller?: Caller) => Promise<ChannelResponse<C>> | ChannelResponse<C>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/**
 * An error whose message is written for the person at the screen: its code is one the screens word
 * (preload/error-codes.ts). Any other `code` (a Node errno, a SQLite code, a class nobody listed) is a bug to log.
 */
interface CodedError { code: ErrorCode; message: string }

function isCoded(err: unknown): err is Error & CodedError {
  return err instanceof Error && isErrorCode((err as { code?: unknown }).code);
}

function refusal(code: ErrorCode, message: string, details?: Record<string, number>): IpcResult<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

function describeZod(err: ZodError): string {
  const issue = err.issues[0];
  return issue ? `${issue.path.join('.') || 'request'} ${issue.message}` : 'invalid request';
}

/**
 * Finds the person behind a call to a channel that declares a minimum staff role (preload/contract.ts `staff`): the
 * holder of the manager session `session` on the manager screen, whoever is signed in at the till on the cashier
 * screen (main/app/manager-sessions.ts, till-operator.ts). Throws a coded error when there is nobody, the session
 * lapsed or the role is too low; answers undefined for the screens that have no person (kiosk, customer display).
 */
export type AccessCheck = (need: { role: WindowRole; staff: StaffRole; session?: string }) => Caller | undefined;

export function createDispatcher(handlers: Handlers, logger: Logger, access: AccessCheck) {
  return async function invoke(role: WindowRole, channel: string, payload: unknown): Promise<IpcResult<unknown>> {
    if (!Object.hasOwn(CHANNELS, channel)) return refusal('UNKNOWN_CHANNEL', `no such request: ${channel.slice(0, 64)}`);
    const name = channel as ChannelName;
    const spec = CHANNELS[name];
    if (!(spec.roles as readonly WindowRole[]).includes(role)) {
      logger.warn('channel refused for role', { channel: name, role });
      return refusal('NOT_ALLOWED', 'This screen may not make that request.');
    }
    const request = spec.request.safeParse(payload ?? {});
    if (!request.success) return refusal('INVALID_REQUEST', describeZod(request.error));
    try {
      // Staff at the door: a channel the contract gives a minimum role never reaches its handler without that person.
      // The requirement comes from preload/channel-access.ts, the same reading the manager screen is given at unlock.
      const need = staffNeeded(name);
      const caller = need === null ? undefined : access({ role, staff: need, ...(spec.session ? { session: (request.data as { session: string }).session } : {}) });
      const handler = handlers[name] as unknown as (r: unknown, role: WindowRole, caller?: Caller) => Promise<unknown> | unknown;
      const value: unknown = await handler(request.data, role, caller);
      return { ok: true, value: spec.response.parse(value) };
    } catch (err) {
      if (err instanceof ZodError) {
        logger.error('handler answered outside its response schema', { channel: name, error: describeZod(err) });
        return refusal('INTERNAL', 'Something went wrong; nothing was changed by this screen. Try again.');
      }
      // The screen translates by code; only whitelisted numbers travel with it (error-details.ts).
      if (isCoded(err)) return refusal(err.code, err.message, publicDetails(err.code, err));
      // Not a typed error, or a code no screen can word (ENOENT, SQLITE_BUSY, an unlisted class): a bug. The journal
      // stays the truth; log it whole and answer plainly.
      const code = (err as { code?: unknown } | null)?.code;
      logger.error('handler threw', { channel: name, ...(code === undefined ? {} : { errorCode: String(code) }), error: err instanceof Error ? err.stack : String(err) });
      return refusal('INTERNAL', 'Something went wrong; the journal is unchanged by this error. Try again.');
    }
  };
}

export type Invoke = ReturnType<typeof createDispatcher>;
export type { ChannelRequest };
