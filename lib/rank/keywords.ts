import { compileMatcher, type Matcher } from '../match';
import { formatPattern } from '../pattern-line';
import type { Settings } from '../model';
import type { RankPaper } from './features';

/**
 * What the user told Dogear — their keywords and tag rules — as features of
 * the model. Each keyword and each rule is one feature, so labels can confirm
 * one keyword and overrule another. The same features, all at their prior
 * weight, are the keyword score shown while the model has not earned its place.
 */

const KEYWORD_PREFIX = 'kw:';
const RULE_PREFIX = 'rule:';
/**
 * The weight a keyword starts with: one match (feature 0.5) adds one to the
 * log-odds, about what a strongly predictive word earns from a dozen labels.
 */
export const KEYWORD_PRIOR = 2;

export type Said = Pick<Settings, 'keywords' | 'tagRules'>;

export interface KeywordFeatures {
  /** Feature → value for one paper: count/(1+count) per keyword, 1 per matching rule. */
  (paper: RankPaper): Map<string, number>;
  /** Every feature at its prior weight: what a model starts from. */
  readonly prior: ReadonlyMap<string, number>;
}

const NONE: KeywordFeatures = Object.assign(() => new Map<string, number>(), { prior: new Map<string, number>() });

// Settings objects are replaced, never mutated, so identity tells when to recompile.
const cache = new WeakMap<Said, KeywordFeatures>();

export function keywordFeatures(said: Said): KeywordFeatures {
  let f = cache.get(said);
  if (!f) cache.set(said, (f = compile(said)));
  return f;
}

function compile(said: Said): KeywordFeatures {
  // One matcher per keyword: a combined one could not say which keyword matched.
  const keywords = new Map<string, Matcher>();
  for (const k of said.keywords) {
    const key = KEYWORD_PREFIX + formatPattern(k);
    if (keywords.has(key)) continue;
    const m = compileMatcher({ keywords: [k], tagRules: [] });
    if (m.hasKeywords) keywords.set(key, m);
  }
  const rules = compileMatcher({ keywords: [], tagRules: said.tagRules });
  const ruleKeys = new Set(said.tagRules.map((r) => RULE_PREFIX + r.name));
  if (!keywords.size && rules.isEmpty) return NONE;
  const prior = new Map([...keywords.keys(), ...ruleKeys].map((k) => [k, KEYWORD_PRIOR]));
  const features = (p: RankPaper) => {
    const out = new Map<string, number>();
    const text = `${p.title}\n${p.abstract ?? ''}`;
    for (const [key, m] of keywords) {
      const c = m.countKeywords(text);
      if (c > 0) out.set(key, c / (1 + c));
    }
    if (!rules.isEmpty) {
      const authors = (p.authors ?? []).filter((a): a is string => typeof a === 'string');
      for (const name of rules.tagsFor({ title: p.title, abstract: p.abstract ?? '', authors }))
        out.set(RULE_PREFIX + name, 1);
    }
    return out;
  };
  return Object.assign(features, { prior });
}

/** 0..1 from the features alone, each at its prior weight: 0 matches → 0, more and stronger matches → higher. */
export function keywordScore(features: ReadonlyMap<string, number>): number {
  let e = 0;
  features.forEach((x) => (e += x));
  return e > 0 ? e / (1 + e) : 0;
}

/** `kw:reward model` → `"reward model"`, `rule:RL` → `tag RL`; null for any other feature. */
export function keywordLabel(feature: string): string | null {
  if (feature.startsWith(KEYWORD_PREFIX)) return `“${feature.slice(KEYWORD_PREFIX.length)}”`;
  if (feature.startsWith(RULE_PREFIX)) return `tag ${feature.slice(RULE_PREFIX.length)}`;
  return null;
}

/** The keywords and rules a paper matches, strongest first, as the tooltip names them. */
export function matchedLabels(features: ReadonlyMap<string, number>, k = 4): string[] {
  return [...features]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([f]) => keywordLabel(f) ?? f);
}
