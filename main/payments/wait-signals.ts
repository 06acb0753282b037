// The two ways a wait at the till ends early (main/payments/polling.ts): the cashier cancels (checking begins),
// or the wait stops altogether (shutdown, or a manager released the attempt; the reconciler carries on).
export interface WaitSignals {
  cancel: AbortSignal;
  stop: AbortSignal;
}

export class WaitControl {
  private readonly cancelling = new AbortController();
  private readonly stopping = new AbortController();
  readonly signals: WaitSignals = { cancel: this.cancelling.signal, stop: this.stopping.signal };

  cancel(): void {
    this.cancelling.abort(new Error('cancelled at the till'));
  }

  stop(why: string): void {
    this.stopping.abort(new Error(why));
  }
}
