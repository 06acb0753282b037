// Which built renderer file a request path may read, for both hosts (Electron's app:// protocol and the
// browser host's HTTP server). Pure, with the path API as a parameter, so hostile inputs are unit-tested in
// each host's tests: a request can only name a file inside the renderer folder, with a type Vite emits.
import nodePath from 'node:path';

export type RendererPathApi = Pick<typeof nodePath.posix, 'resolve' | 'extname' | 'sep'>;

export type RendererFile = { kind: 'file'; filePath: string; contentType: string } | { kind: 'refused'; status: 400 | 403 | 404; reason: string };

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

export const refusedFile = (status: 400 | 403 | 404, reason: string): RendererFile => ({ kind: 'refused', status, reason });

/** Percent-decodes a URL path; undefined when the encoding is malformed. */
export function decodePath(rawPath: string): string | undefined {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
}

/** `decodedPath` starts with `/`, already percent-decoded. */
export function rendererFileFor(rootDir: string, decodedPath: string, pathApi: RendererPathApi = nodePath): RendererFile {
  // NUL truncates paths in native code; backslash and colon are separators or drive letters on Windows.
  if (/[\0\\:]/.test(decodedPath)) return refusedFile(400, 'forbidden character in path');
  const segments = decodedPath.split('/').slice(1);
  // Empty segments (`//etc`), `.`/`..` and dotfiles are never part of a renderer build.
  if (segments.some((s) => s === '' || s.startsWith('.'))) return refusedFile(403, 'empty, dot or dotfile segment');
  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, ...segments);
  // Defence in depth: whatever the checks above missed, the result must still sit inside the renderer folder.
  if (!filePath.startsWith(root + pathApi.sep)) return refusedFile(403, 'outside the renderer folder');
  const contentType = CONTENT_TYPES[pathApi.extname(filePath).toLowerCase()];
  if (!contentType) return refusedFile(404, 'not a renderer file type');
  return { kind: 'file', filePath, contentType };
}
