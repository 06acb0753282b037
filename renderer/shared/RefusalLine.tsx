// Why main refused what a PIN form asked for, in the screen's language (a wrong PIN, a lockout, a refused
// refund). Shared by the manager's PIN pad and the till's approval, override and excess forms.
import type { IpcError } from '../../preload/contract.js';
import { useApp } from './app-context.js';

export function RefusalLine({ error, testId }: { error: IpcError | null; testId?: string }) {
  const { describeError } = useApp();
  if (!error) return null;
  return (
    <p className="pin-error" role="alert" data-testid={testId}>
      {describeError(error)}
    </p>
  );
}
