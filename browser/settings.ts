import browser from 'webextension-polyfill';
import { z } from 'zod';

/** The extension's settings: where the probe is and how to authenticate to it. */
export interface Settings {
  /** Base URL of the probe, e.g. http://127.0.0.1:8787. Empty: the probe is off. */
  probeUrl: string;
  /** Sent as `Authorization: Bearer <token>` when not empty. */
  probeToken: string;
}

export const DEFAULT_SETTINGS: Settings = { probeUrl: 'http://127.0.0.1:8787', probeToken: '' };

export const SETTINGS_KEY = 'settings';

const probeUrlSchema = z.union([
  z.literal(''),
  z
    .string()
    .max(2048)
    .refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
      } catch {
        return false;
      }
    }, 'must be an http:// or https:// URL, or empty to turn the probe off'),
]);

export const settingsSchema = z.object({
  probeUrl: probeUrlSchema,
  probeToken: z
    .string()
    .max(4096)
    .regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces'),
});

const partialSettingsSchema = settingsSchema.partial();

/** Reads one storage area's settings, dropping anything invalid (a bad managed policy must not break the extension). */
function readArea(value: unknown): Partial<Settings> {
  const out: Partial<Settings> = {};
  const parsed = partialSettingsSchema.safeParse(value);
  if (parsed.success) {
    // Keys that are present but undefined set nothing.
    if (parsed.data.probeUrl !== undefined) out.probeUrl = parsed.data.probeUrl;
    if (parsed.data.probeToken !== undefined) out.probeToken = parsed.data.probeToken;
    return out;
  }
  if (value && typeof value === 'object') {
    for (const key of ['probeUrl', 'probeToken'] as const) {
      const field = settingsSchema.shape[key].safeParse((value as Record<string, unknown>)[key]);
      if (field.success) out[key] = field.data;
    }
  }
  return out;
}

/** Settings in force: defaults, overridden by the user's (storage.local), overridden by the organisation's (storage.managed). */
export async function loadSettings(): Promise<{ settings: Settings; managed: (keyof Settings)[] }> {
  const local = readArea((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  let managedArea: Partial<Settings> = {};
  try {
    // storage.managed has no settings unless an administrator deployed a policy; it throws where unsupported.
    const managed = await browser.storage.managed.get(['probeUrl', 'probeToken']);
    managedArea = readArea(managed);
  } catch {
    // No policy support here: the user's settings stand.
  }
  return {
    settings: { ...DEFAULT_SETTINGS, ...local, ...managedArea },
    managed: Object.keys(managedArea) as (keyof Settings)[],
  };
}

/** Validates and stores the user's settings. Returns the validation error message when invalid. */
export async function saveSettings(input: Settings): Promise<{ ok: true } | { ok: false; message: string }> {
  const parsed = settingsSchema.safeParse({
    probeUrl: input.probeUrl.trim(),
    probeToken: input.probeToken.trim(),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join('.') ?? 'settings'}: ${issue?.message ?? 'invalid'}` };
  }
  await browser.storage.local.set({ [SETTINGS_KEY]: parsed.data });
  return { ok: true };
}
