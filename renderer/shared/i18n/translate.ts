// Looks a key up in a dictionary and fills `{name}` placeholders. The English dictionary defines the keys;
// the others are typed against it, so a missing translation fails the type check (and a unit test).
import type { enCA } from './en-CA.js';

export type MessageKey = keyof typeof enCA;
export type Messages = Record<MessageKey, string>;
export type MessageVars = Record<string, string | number>;

export function translate(messages: Messages, key: MessageKey, vars?: MessageVars): string {
  const template = messages[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
