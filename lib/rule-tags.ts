import { compileMatcher, type Matcher } from './match';
import type { PaperMeta, Settings } from './model';

// Settings objects are replaced, never mutated, so identity tells when to recompile.
const compiled = new WeakMap<Settings, Matcher>();

export function matcherFor(settings: Settings): Matcher {
  let m = compiled.get(settings);
  if (!m) {
    m = compileMatcher({ keywords: settings.keywords, tagRules: settings.tagRules });
    compiled.set(settings, m);
  }
  return m;
}

/** Names of the tag rules that match a paper. */
export function ruleTagsFor(meta: PaperMeta, settings: Settings): string[] {
  if (!settings.tagRules.length) return [];
  return matcherFor(settings).tagsFor({ title: meta.title, abstract: meta.abstract, authors: meta.authors });
}
