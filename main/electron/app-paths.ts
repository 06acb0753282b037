// Where the built app lives, and which file an app:// request may read. Pure, so path-traversal attempts are
// unit-tested: a request can only ever name a file inside the built renderer folder, with a known type.
import nodePath from 'node:path';
import { WINDOW_ROLES, type WindowRole } from '../app/host-api.js';
import { parseAppUrl, RECOVERY_PAGE } from './security.js';
import { decodePath, refusedFile, rendererFileFor } from '../app/renderer-files.js';

export type PathApi = Pick<typeof nodePath.posix, 'resolve' | 'join' | 'extname' | 'sep'>;

export type AppRequest =
  | { kind: 'file'; filePath: string; contentType: string }
  | { kind: 'recovery'; role: WindowRole | undefined }
  | { kind: 'refused'; status: 400 | 403 | 404; reason: string };

export function rendererDir(appRoot: string, pathApi: PathApi = nodePath): string {
  return pathApi.join(appRoot, 'dist', 'renderer');
}

/** Sandboxed preloads cannot `require` our modules, so each role's preload is bundled into one CommonJS file. */
export function preloadPathFor(appRoot: string, role: WindowRole, pathApi: PathApi = nodePath): string {
  return pathApi.join(appRoot, 'dist', 'preload', `${role}.cjs`);
}

const refused = (status: 400 | 403 | 404, reason: string): AppRequest => refusedFile(status, reason);

export function resolveAppRequest(rootDir: string, url: string, pathApi: PathApi = nodePath): AppRequest {
  const parsed = parseAppUrl(url);
  if (!parsed) return refused(400, 'not an app://pos/ URL');
  const decoded = decodePath(parsed.pathname);
  if (decoded === undefined) return refused(400, 'malformed percent-encoding');
  if (decoded === `/${RECOVERY_PAGE}`) {
    const role = parsed.searchParams.get('role');
    return { kind: 'recovery', role: WINDOW_ROLES.find((r) => r === role) };
  }
  return rendererFileFor(rootDir, decoded, pathApi);
}
