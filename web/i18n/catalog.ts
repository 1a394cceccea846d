import type { en } from './en';

/** Turns the literal types of the English catalog into plain strings, keeping its shape. */
type Widen<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? readonly Widen<U>[]
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language's catalog must have: exactly the keys of the English one. */
export type Catalog = Widen<typeof en>;
