// Calls into main. Every refusal is shown to the person at the screen, worded by its code in the screen's
// language with main's own message as the fallback (docs/style.md §2, i18n/error-messages.ts);
// callers get the value or undefined and need no error plumbing of their own.
import type { ChannelName, ChannelRequest, ChannelResponse, IpcResult } from '../../preload/contract.js';
import { getPosApi } from './pos-api.js';
import { pushToast } from './toast-store.js';

/** The raw result, for callers that show the error themselves (the PIN pad) or need its code. */
export async function invokeRaw<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<IpcResult<ChannelResponse<C>>> {
  try {
    return await getPosApi().invoke(channel, request);
  } catch (err) {
    // The transport itself failed (bridge closed, main gone); it becomes an ordinary refusal for the screen.
    console.error(`[renderer] ${channel} failed in transport`, err);
    return { ok: false, error: { code: 'TRANSPORT', message: err instanceof Error ? err.message : String(err) } };
  }
}

export async function call<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<ChannelResponse<C> | undefined> {
  const result = await invokeRaw(channel, request);
  if (result.ok) return result.value;
  pushToast(result.error);
  return undefined;
}
