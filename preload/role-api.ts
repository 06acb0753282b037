// The API one window role gets from its preload, as a pure function (no electron import) so the allow-list
// logic is unit-tested under plain Node. Refusals happen here, before anything is sent, and again in main
// (host.invoke) where they count: a preload check is a courtesy, main's is the boundary.
import type { ChannelName, ChannelRequest, ChannelResponse, ErrorCode, EventMap, EventName, IpcResult, PosApi, WindowRole } from './contract.js';

export interface RoleAllowList {
  readonly role: WindowRole;
  readonly channels: readonly string[];
  readonly events: readonly string[];
}

/** What index.ts adapts ipcRenderer to: the payload only, never the IpcRendererEvent. */
export interface IpcPort {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

type AnyResult = IpcResult<unknown>;

const refused = (code: ErrorCode, message: string): AnyResult => ({ ok: false, error: { code, message } });

function isResult(value: unknown): value is AnyResult {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  return ok === true || (ok === false && typeof (value as { error?: unknown }).error === 'object');
}

export function createRoleApi(allow: RoleAllowList, ipc: IpcPort): PosApi {
  const channels = new Set(allow.channels);
  const events = new Set(allow.events);

  const call = async (channel: unknown, request: unknown): Promise<AnyResult> => {
    // typeof first: an object with a toString() must not pass as a channel name.
    if (typeof channel !== 'string' || !channels.has(channel)) {
      return refused('NOT_ALLOWED', 'This screen may not make that request.');
    }
    try {
      const result = await ipc.invoke(channel, request);
      return isResult(result) ? result : refused('INTERNAL', 'The till answered in an unexpected way. Try again.');
    } catch (error) {
      // ipcRenderer.invoke rejects only when main has no handler or the call could not be cloned.
      console.error(`pos preload: ${channel} failed`, error);
      return refused('IPC_FAILED', 'The request could not reach the till. Try again.');
    }
  };

  return Object.freeze({
    invoke<C extends ChannelName>(channel: C, request: ChannelRequest<C>) {
      return call(channel, request) as Promise<IpcResult<ChannelResponse<C>>>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      if (typeof event !== 'string' || !events.has(event) || typeof listener !== 'function') {
        throw new TypeError(`The ${allow.role} screen does not receive "${String(event).slice(0, 40)}" events.`);
      }
      return ipc.on(event, (payload) => listener(payload as EventMap[E]));
    },
  });
}
