// The WebSocket wire format of /bridge, parsed without trust. Every frame is JSON text:
//   client → host  {"auth": TOKEN}                      first frame; decides the connection's role
//                  {"id": N, "channel": C, "payload": P} a call; answered once with the same id
//   host → client  {"ready": {"role": R, "training": B}} the token was accepted
//                  {"id": N, "result": IpcResult}         the answer to call N (id null: the frame was unreadable)
//                  {"event": E, "payload": P}             an event for this connection's role
// renderer/shared/browser-bridge.ts is the browser end; docs/browser-host.md describes both.
import type { IpcResult, WindowRole } from '../app/host-api.js';

/** A call's payload is a small intent (the renderer never sends bulk data); 64 KiB is generous. Larger frames
 * are answered with MESSAGE_TOO_LARGE; frames past the hard cap close the socket (1009) before being buffered. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
export const HARD_MAX_FRAME_BYTES = 256 * 1024;
const MAX_CHANNEL_LENGTH = 100;

export type ClientMessage =
  | { kind: 'auth'; token: string }
  | { kind: 'call'; id: number; channel: string; payload: unknown }
  | { kind: 'invalid'; id: number | null; code: BridgeErrorCode; message: string };

export type BridgeErrorCode = 'MESSAGE_TOO_LARGE' | 'BAD_JSON' | 'BAD_MESSAGE' | 'NOT_AUTHENTICATED' | 'TOO_MANY_CALLS' | 'INTERNAL';

export type HostMessage =
  | { ready: { role: WindowRole; training: boolean } }
  | { id: number | null; result: IpcResult }
  | { event: string; payload: unknown };

export function bridgeError(code: BridgeErrorCode, message: string): IpcResult {
  return { ok: false, error: { code, message } };
}

const invalid = (id: number | null, code: BridgeErrorCode, message: string): ClientMessage => ({ kind: 'invalid', id, code, message });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCallId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** `byteLength` is the frame's size on the wire; `isBinary` frames are never ours. */
export function parseClientMessage(data: string, byteLength: number, isBinary = false): ClientMessage {
  if (byteLength > MAX_MESSAGE_BYTES) return invalid(null, 'MESSAGE_TOO_LARGE', `A message may be at most ${MAX_MESSAGE_BYTES} bytes.`);
  if (isBinary) return invalid(null, 'BAD_MESSAGE', 'Messages are JSON text frames.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return invalid(null, 'BAD_JSON', 'The message is not valid JSON.');
  }
  if (!isRecord(parsed)) return invalid(null, 'BAD_MESSAGE', 'A message is a JSON object.');
  if ('auth' in parsed) {
    return typeof parsed.auth === 'string' ? { kind: 'auth', token: parsed.auth } : invalid(null, 'BAD_MESSAGE', 'auth must be a string.');
  }
  const id = isCallId(parsed.id) ? parsed.id : null;
  if (id === null) return invalid(null, 'BAD_MESSAGE', 'A call needs an id: a non-negative integer.');
  const channel = parsed.channel;
  if (typeof channel !== 'string' || channel.length === 0 || channel.length > MAX_CHANNEL_LENGTH) {
    return invalid(id, 'BAD_MESSAGE', 'A call needs a channel name.');
  }
  return { kind: 'call', id, channel, payload: parsed.payload };
}
