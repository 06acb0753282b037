// Reads the 100-byte SQLite header before SQLite itself touches the file, so a file that is not a journal
// we can safely open is refused with the file byte-for-byte unchanged. Header layout: sqlite.org/fileformat.html §1.3.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { JournalCorruptError, JournalVersionError } from './errors.js';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

export interface HeaderFacts {
  pageSize: number;
  pageCount: number;
  userVersion: number;
}

function readHeader(file: string): { header: Buffer; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const header = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, header, 0, HEADER_BYTES, 0);
    return { header: header.subarray(0, read), size };
  } finally {
    closeSync(fd);
  }
}

/** §1.3.2: a power of two from 512 to 32768, or 1 meaning 65536. */
function pageSizeOf(header: Buffer): number {
  const raw = header.readUInt16BE(16);
  return raw === 1 ? 65536 : raw;
}

/** Throws JournalCorruptError or JournalVersionError; never writes. */
export function inspectJournalFile(file: string, newestVersion: number): HeaderFacts {
  const { header, size } = readHeader(file);
  // An empty file would be silently turned into a fresh journal by SQLite; a journal is never empty once
  // created, so an empty one means something truncated it and a human should look.
  if (size === 0) throw new JournalCorruptError(file, 'file is empty');
  if (header.length < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new JournalCorruptError(file, 'not a SQLite database (bad header)');
  }
  const pageSize = pageSizeOf(header);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    throw new JournalCorruptError(file, `invalid page size ${pageSize}`);
  }
  if (size % pageSize !== 0) throw new JournalCorruptError(file, 'truncated (size is not a whole number of pages)');
  const pageCount = header.readUInt32BE(28);
  // §1.3.7: the in-header size is trusted only when "version-valid-for" equals the change counter.
  const sizeIsValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (sizeIsValid && pageCount * pageSize > size) {
    throw new JournalCorruptError(file, `truncated (${size / pageSize} of ${pageCount} pages present)`);
  }
  const userVersion = header.readInt32BE(60);
  if (userVersion > newestVersion) throw new JournalVersionError(file, userVersion, newestVersion);
  return { pageSize, pageCount, userVersion };
}
