/**
 * A selector's fixture pages (the `NAME_` lists of a selector catalogue): these lists joined, less `except`.
 * A call the bundler may drop: the adapters import their catalogue for its selectors only, and lists spread
 * in place (`[...LISTS, LEGACY]`) stayed in the content script, since spreading could have side effects.
 */
/* @__NO_SIDE_EFFECTS__ */
export function fixturePages(lists: readonly (string | readonly string[])[], except?: string): string[] {
  return lists.flat().filter((page) => page !== except);
}
