// Settings, declared once per feature: the section, each key's default and how a raw value (anything a
// person may have typed into settings.json) becomes a sane typed value. The editor kit reads them and
// fires change events; a unit test holds every declaration to package.json's contribution.

/** Turns a raw setting value into a typed one; never throws. */
export interface SettingReader<T> {
  readonly default: T;
  read(raw: unknown): T;
}

export type SettingsSchema = Readonly<Record<string, SettingReader<unknown>>>;

export type SettingsValues<S extends SettingsSchema> = { readonly [K in keyof S]: S[K] extends SettingReader<infer T> ? T : never };

export interface SettingsDeclaration<S extends SettingsSchema> {
  /** e.g. `conveyor.pipelines`; keys are relative to it. */
  readonly section: string;
  readonly schema: S;
}

export function declareSettings<S extends SettingsSchema>(section: string, schema: S): SettingsDeclaration<S> {
  return { section, schema };
}

/** Every value of a declaration, read through `get(key)` (the key relative to the section). */
export function readSettings<S extends SettingsSchema>(declaration: SettingsDeclaration<S>, get: (key: string) => unknown): SettingsValues<S> {
  const out: Record<string, unknown> = {};
  for (const [key, reader] of Object.entries(declaration.schema)) out[key] = reader.read(get(key));
  return out as SettingsValues<S>;
}

export const setting = {
  boolean(defaultValue: boolean): SettingReader<boolean> {
    return { default: defaultValue, read: (raw) => (typeof raw === 'boolean' ? raw : defaultValue) };
  },
  /** A whole number clamped to [min, max]; fractions round down. */
  integer(defaultValue: number, min: number, max: number): SettingReader<number> {
    return {
      default: defaultValue,
      read: (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? Math.min(max, Math.max(min, Math.floor(raw))) : defaultValue),
    };
  },
  string(defaultValue: string): SettingReader<string> {
    return { default: defaultValue, read: (raw) => (typeof raw === 'string' ? raw.trim() : defaultValue) };
  },
  oneOf<T extends string>(values: readonly T[], defaultValue: T): SettingReader<T> {
    return { default: defaultValue, read: (raw) => (typeof raw === 'string' && (values as readonly string[]).includes(raw) ? (raw as T) : defaultValue) };
  },
  /** Anything else: `read` validates the raw value itself. */
  custom<T>(defaultValue: T, read: (raw: unknown) => T): SettingReader<T> {
    return { default: defaultValue, read };
  },
};
