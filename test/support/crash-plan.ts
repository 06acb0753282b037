// What the crash harness tells its child process to do (test/support/crash-child.ts runs it).

export const CRASH_FLOWS = ['scan-paid', 'scan-password', 'scan-lost', 'scan-declined', 'qr-paid', 'card-paid', 'cash', 'split', 'refund'] as const;
export type CrashFlow = (typeof CRASH_FLOWS)[number];

export interface CrashPlan {
  journalFile: string;
  gatewayUrl: string;
  controlUrl: string;
  mchId: string;
  key: string;
  flow: CrashFlow;
  /** Kill right after this many outermost journal commits (0: never). */
  killAtCommit: number;
  /** Kill this long after the flow starts (0: never). */
  killAfterMs: number;
}
