// Where the built app lives, and which file an app:// request may read. Pure, so path-traversal attempts are
// unit-tested: a request can only ever name a file inside the built renderer folder, with a known type.
import nodePath from 'node:path';
import { WINDOW_ROLES, type WindowRole } from '../app/host-api.js';
import { parseAppUrl, RECOVERY_PAGE } from './security.js';

export type PathApi = Pick<typeof nodePath.posix, 'resolve' | 'join' | 'extname' | 'sep'>;

export type AppRequest =
  | { kind: 'file'; filePath: string; contentType: string }
  | { kind: 'recovery'; role: WindowRole | undefined }
  | { kind: 'refused'; status: 400 | 403 | 404; reason: string };

/** Only the types Vite emits for our renderer; anything else (source maps, stray files) is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

export function rendererDir(appRoot: string, pathApi: PathApi = nodePath): string {
  return pathApi.join(appRoot, 'dist', 'renderer');
}

/** Sandboxed preloads cannot `require` our modules, so each role's preload is bundled into one CommonJS file. */
export function preloadPathFor(appRoot: string, role: WindowRole, pathApi: PathApi = nodePath): string {
  return pathApi.join(appRoot, 'dist', 'preload', `${role}.cjs`);
}

const refused = (status: 400 | 403 | 404, reason: string): AppRequest => ({ kind: 'refused', status, reason });

export function resolveAppRequest(rootDir: string, url: string, pathApi: PathApi = nodePath): AppRequest {
  const parsed = parseAppUrl(url);
  if (!parsed) return refused(400, 'not an app://pos/ URL');
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return refused(400, 'malformed percent-encoding');
  }
  // NUL truncates paths in native code; backslash and colon are separators or drive letters on Windows.
  if (/[\0\\:]/.test(decoded)) return refused(400, 'forbidden character in path');
  if (decoded === `/${RECOVERY_PAGE}`) {
    const role = parsed.searchParams.get('role');
    return { kind: 'recovery', role: WINDOW_ROLES.find((r) => r === role) };
  }
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '' || s.startsWith('.'))) return refused(403, 'empty, dot or dotfile segment');
  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, ...segments);
  // Defence in depth: whatever the checks above missed, the result must still sit inside the renderer folder.
  if (!filePath.startsWith(root + pathApi.sep)) return refused(403, 'outside the renderer folder');
  const contentType = CONTENT_TYPES[pathApi.extname(filePath).toLowerCase()];
  if (!contentType) return refused(404, 'not a renderer file type');
  return { kind: 'file', filePath, contentType };
}
