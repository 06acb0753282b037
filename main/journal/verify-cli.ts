// Entry point: `tsx main/journal/verify-cli.ts <journal file>`; the app's own CLI can call verifyJournalFile.
import { describeVerdict, verifyJournalFile } from './verify-file.js';
import { JournalError } from './errors.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: journal verify <journal file>');
  process.exit(2);
}
try {
  const { line, exitCode } = describeVerdict(file, verifyJournalFile(file));
  console.log(line);
  process.exit(exitCode);
} catch (error) {
  // A typed journal error is the answer (corrupt, future version); anything else is a bug and rethrows.
  if (!(error instanceof JournalError)) throw error;
  console.error(`${error.code}: ${error.message}`);
  process.exit(1);
}
