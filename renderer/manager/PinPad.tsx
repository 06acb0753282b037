// The manager PIN pad (renderer/shared/PinPrompt.tsx): main counts wrong tries and locks the pad; its refusal (tries
// left, lockout), worded in the screen's language, is shown right under the field, where the manager is looking.
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { invokeRaw } from '../shared/invoke.js';
import { PinPrompt } from '../shared/PinPrompt.js';

export function PinPad({ onUnlocked }: { onUnlocked: (session: ChannelResponse<'manager:unlock'>) => void }) {
  const { t } = useApp();
  return (
    <PinPrompt
      className="pin-pad"
      testIds={{ pin: 'pin-input', error: 'pin-error', submit: 'pin-submit' }}
      words={{ title: t('manager.enterPin'), pin: t('manager.pin'), submit: t('manager.unlock') }}
      send={(pin) => invokeRaw('manager:unlock', { pin })}
      onAccepted={onUnlocked}
    />
  );
}
