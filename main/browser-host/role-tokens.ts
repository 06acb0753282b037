// One fresh secret per role per launch. The token a WebSocket presents is the ONLY thing that decides its role:
// the page it came from, its Origin or anything in its messages never does (a cashier tab that edits its URL
// to manager.html still holds the cashier token).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { WINDOW_ROLES, type WindowRole } from '../app/host-api.js';

/** 32 random bytes = 256 bits: not guessable over a loopback socket in any lifetime. */
export const TOKEN_BYTES = 32;
/** base64url of 32 bytes is 43 characters; anything much longer is not one of ours and is not hashed. */
const MAX_TOKEN_LENGTH = 128;

export interface RoleTokens {
  readonly tokens: Readonly<Record<WindowRole, string>>;
  roleForToken(candidate: unknown): WindowRole | undefined;
}

export function createRoleTokens(random: (size: number) => Buffer = randomBytes): RoleTokens {
  const tokens = Object.fromEntries(WINDOW_ROLES.map((role) => [role, random(TOKEN_BYTES).toString('base64url')])) as Record<WindowRole, string>;
  if (new Set(Object.values(tokens)).size !== WINDOW_ROLES.length) throw new Error('role tokens collided; the random source is broken');
  // Compare digests, not the strings: timingSafeEqual needs equal lengths, and a digest leaks nothing about length.
  const digests = WINDOW_ROLES.map((role) => ({ role, digest: sha256(tokens[role]) }));
  return {
    tokens: Object.freeze(tokens),
    roleForToken(candidate) {
      if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > MAX_TOKEN_LENGTH) return undefined;
      const presented = sha256(candidate);
      let match: WindowRole | undefined;
      // Every role is compared, with no early exit, so timing does not say which role (if any) was close.
      for (const { role, digest } of digests) {
        if (timingSafeEqual(presented, digest)) match = role;
      }
      return match;
    },
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
