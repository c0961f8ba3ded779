import * as z from 'zod/mini';

/**
 * What a listing's content script may learn: everything the overlay shows, never the user's notes. The page a
 * content script runs in is not fully trusted (a compromised renderer reads what the script receives), and the
 * overlay shows no note. Applied by the router to every reply to a content script, whatever the handler returns.
 */
export function withoutNotes<T>(value: T): WithoutNotes<T> {
  if (Array.isArray(value)) return value.map(withoutNotes) as WithoutNotes<T>;
  if (!value || typeof value !== 'object') return value as WithoutNotes<T>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'note') out[k] = withoutNotes(v);
  return out as WithoutNotes<T>;
}

/** The type `withoutNotes` returns: `T` with every `note` key, however deep, taken out. */
export type WithoutNotes<T> = T extends readonly (infer U)[]
  ? WithoutNotes<U>[]
  : T extends object
    ? { [K in keyof T as K extends 'note' ? never : K]: WithoutNotes<T[K]> }
    : T;

/** Schemas with no part that could hold a note: kept as they are. */
const LEAVES = new Set(['string', 'number', 'boolean', 'literal', 'enum', 'null', 'unknown', 'never']);

/**
 * The schema a reply to a content script must match: `schema` with every object's `note` key taken out, the
 * same cut `withoutNotes` makes to the value (and, as objects strip unknown keys, a reply that still carried a
 * note would lose it in the parse). Checks and messages are kept. A kind of schema not handled here throws
 * when the catalogue is read, so a new reply shape cannot slip a note past it.
 */
export function noteFreeSchema<S extends z.ZodMiniType>(schema: S): z.ZodMiniType<WithoutNotes<z.output<S>>> {
  return cut(schema) as z.ZodMiniType<WithoutNotes<z.output<S>>>;
}

function cut(schema: z.ZodMiniType): z.ZodMiniType {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const each = (key: string, map: (inner: z.ZodMiniType) => unknown) =>
    z.clone(schema, { ...def, [key]: map(def[key] as never) } as never);
  switch (def.type) {
    case 'object':
      // The keys an object does not name take its catchall schema (a map by id, in place of z.record).
      return z.clone(schema, {
        ...def,
        shape: Object.fromEntries(
          Object.entries(def.shape as Record<string, z.ZodMiniType>)
            .filter(([k]) => k !== 'note')
            .map(([k, v]) => [k, cut(v)]),
        ),
        catchall: def.catchall && cut(def.catchall as z.ZodMiniType),
      } as never);
    case 'optional':
    case 'nullable':
      return each('innerType', cut);
    case 'array':
      return each('element', cut);
    case 'union':
      return each('options', (options) => (options as unknown as z.ZodMiniType[]).map(cut));
    default:
      if (LEAVES.has(def.type)) return schema;
      throw new Error(`noteFreeSchema: a reply part of type ${def.type} is not handled`);
  }
}

/** Refused from a listing: a removal there must not take a note off the list (the popup, which shows it, may). */
export const NOTED_REMOVAL = 'This paper has a note: remove it from the Dogear popup, where the note can be seen.';
