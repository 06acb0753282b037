// Which file a GET may read. Pure (the path API is a parameter), so hostile inputs are unit-tested: a request
// can only ever name a file inside the built renderer folder, with a type Vite emits.
import nodePath from 'node:path';

export type PathApi = Pick<typeof nodePath.posix, 'resolve' | 'extname' | 'sep'>;

export type StaticRequest = { kind: 'file'; filePath: string; contentType: string } | { kind: 'refused'; status: 400 | 403 | 404; reason: string };

/** Only the types the renderer build emits; source maps and stray files are not served. */
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

const MAX_PATH_LENGTH = 1024;
const refused = (status: 400 | 403 | 404, reason: string): StaticRequest => ({ kind: 'refused', status, reason });

/** `requestTarget` is the raw request-target of the HTTP request line (`req.url`), query included. */
export function resolveStaticRequest(rootDir: string, requestTarget: string, pathApi: PathApi = nodePath): StaticRequest {
  // Origin-form only: an absolute-form target (`GET http://x/ HTTP/1.1`) or `*` is not a file request.
  if (!requestTarget.startsWith('/') || requestTarget.length > MAX_PATH_LENGTH) return refused(400, 'not an origin-form path');
  const rawPath = requestTarget.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return refused(400, 'malformed percent-encoding');
  }
  // NUL truncates paths in native code; backslash and colon are separators or drive letters on Windows.
  if (/[\0\\:]/.test(decoded)) return refused(400, 'forbidden character in path');
  const segments = decoded.split('/').slice(1);
  // Empty segments (`//etc`), `.`/`..` and dotfiles are never part of a renderer build.
  if (segments.some((s) => s === '' || s.startsWith('.'))) return refused(403, 'empty, dot or dotfile segment');
  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, ...segments);
  // Defence in depth: whatever the checks above missed, the result must still sit inside the renderer folder.
  if (!filePath.startsWith(root + pathApi.sep)) return refused(403, 'outside the renderer folder');
  const contentType = CONTENT_TYPES[pathApi.extname(filePath).toLowerCase()];
  if (!contentType) return refused(404, 'not a renderer file type');
  return { kind: 'file', filePath, contentType };
}
