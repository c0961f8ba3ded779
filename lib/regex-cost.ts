import { foldKey } from './case-fold';

/**
 * An upper bound on the work a backtracking engine does to try a regex at one
 * text position, in steps (a character tested, a choice taken back), and on
 * the number of ways it can match there (`paths`): each way runs whatever
 * follows, so a sequence multiplies its items' ways, and alternatives add up
 * theirs. Alternatives that must begin with different literal text cannot all
 * get past their beginning at one position, so those add only the failed
 * tries of all but the heaviest line of shared beginnings (see AltSet).
 *
 * The parsed regex comes from regex-safety.ts, which has already rejected the
 * shapes this model does not cover (nested repetition, repeated alternatives
 * that do not start with different letters, backreferences).
 */

export interface Quant {
  min: number;
  /** Finite: open-ended repetitions are bounded while parsing. */
  max: number;
  lazy: boolean;
}
export interface Item {
  /** Source text of the atom as it will be emitted; for a group, its opener. */
  src: string;
  /** A single literal character, when the atom is one. */
  literal?: string;
  /** Top-level alternatives when the atom is a group or lookaround. */
  alts?: Item[][];
  /** Lookarounds match no text: one way through, whatever they explore inside. */
  look?: boolean;
  /** Matches no text and has one way through (anchors, lookarounds). */
  zeroWidth?: boolean;
  quant?: Quant;
}

export interface Cost {
  work: number;
  paths: number;
}
/** One alternative of an alternation: its cost and the literal text it must begin with, if any. */
export interface Alt extends Cost {
  /** Literal start (up to KEY_LEN characters, case-folded under `i`); '' when it can begin anywhere. */
  key: string;
  /** Work of the zero-width assertions before `key`, spent at every position. */
  before: number;
}

const CAP = 1e15;
const KEY_LEN = 8;
const sat = (n: number) => Math.min(n, CAP);

/** The cost of one regex: its top-level alternatives. */
export function regexCost(alts: Item[][], flags: string): Alt {
  if (alts.length === 1) return sequenceCost(alts[0]!, flags);
  const set = new AltSet();
  for (const seq of alts) set.add(sequenceCost(seq, flags));
  return { work: set.work, paths: set.paths, key: '', before: 0 };
}

function itemCost(item: Item, flags: string): Cost {
  const body = item.alts ? regexCost(item.alts, flags) : { work: 1, paths: 1 };
  if (item.look) return { work: body.work, paths: 1 };
  const q = item.quant;
  if (!q) return body;
  // regex-safety lets only bodies with one way through be repeated; anything else would be exponential.
  if (body.paths > 1) return { work: CAP, paths: CAP };
  // Greedy or lazy, each try consumes up to `max` bodies and then yields every count down to `min`.
  return { work: sat(q.max * body.work), paths: q.max - q.min + 1 };
}

/**
 * Ways multiply along a sequence, with two exceptions after a repeated
 * single-character atom, whose ways end at different places:
 * - a literal it cannot match lets through only its longest count (`\s*-`),
 *   so the ways after it are those before the atom;
 * - a literal string tried at those places costs a step per place plus a
 *   step per text character it matches, and a character matches at most
 *   as many of the string's positions as the string has copies of it
 *   (`.*attention` is about 100 + 110·3 steps, not 101·9).
 */
function sequenceCost(seq: Item[], flags: string): Alt {
  const fold = flags.includes('i') ? foldKey : (ch: string) => ch;
  let work = 0;
  let ways = 1;
  let waysBeforePrev = 1;
  for (let i = 0; i < seq.length; ) {
    const item = seq[i]!;
    const prev = seq[i - 1];
    const before = ways;
    if (prev?.quant && !prev.alts && isLiteral(item)) {
      let end = i;
      while (isLiteral(seq[end])) end++;
      const text = seq.slice(i, end).map((it) => fold(it.literal!));
      const copies = Math.max(...[...new Set(text)].map((ch) => text.filter((t) => t === ch).length));
      const places = prev.quant.max - prev.quant.min + 1;
      const scan = waysBeforePrev * (places + (places + text.length) * copies);
      work = sat(work + Math.min(scan, ways * text.length));
      const pinned = !new RegExp(`^(?:${prev.src})$`, flags).test(item.literal!);
      ways = pinned ? waysBeforePrev : ways;
      waysBeforePrev = before;
      i = end;
      continue;
    }
    const c = itemCost(item, flags);
    work = sat(work + ways * c.work);
    ways = sat(ways * c.paths);
    waysBeforePrev = before;
    i++;
  }
  return { work, paths: ways, ...keyOf(seq, flags) };
}

const isLiteral = (item: Item | undefined): item is Item & { literal: string } =>
  item?.literal !== undefined && !item.quant;

function keyOf(seq: Item[], flags: string): { key: string; before: number } {
  let i = 0;
  let before = 0;
  while (seq[i]?.zeroWidth && !seq[i]!.quant) before += itemCost(seq[i++]!, flags).work;
  let key = '';
  for (; i < seq.length && key.length < KEY_LEN; i++) {
    const item = seq[i]!;
    if (item.literal === undefined || (item.quant && item.quant.min < 1)) break;
    key += flags.includes('i') ? foldKey(item.literal) : item.literal;
    if (item.quant) break;
  }
  return key ? { key, before } : { key: '', before: 0 };
}

interface Node {
  /** Alternatives whose key runs through this node: each costs a step more when the text gets here. */
  count: number;
  /** Alternatives whose whole key ends here: their work past the key. */
  work: number;
  paths: number;
  best: Cost;
  children: Map<string, Node>;
}
const node = (): Node => ({ count: 0, work: 0, paths: 0, best: { work: 0, paths: 0 }, children: new Map() });

/**
 * The cost of an alternation: alternatives without a literal start all add
 * up; those with one sit in a trie of their keys, and at one text position
 * only one line of that trie gets past its first characters.
 */
export class AltSet {
  private wild: Cost = { work: 0, paths: 0 };
  private before = 0;
  private readonly root = node();

  get work(): number {
    return sat(this.wild.work + this.before + this.root.best.work);
  }
  get paths(): number {
    return sat(this.wild.paths + this.root.best.paths);
  }

  add(alt: Alt): void {
    this.change(alt, 1);
  }
  remove(alt: Alt): void {
    this.change(alt, -1);
  }

  private change(alt: Alt, sign: 1 | -1): void {
    if (!alt.key) {
      this.wild = { work: this.wild.work + sign * alt.work, paths: this.wild.paths + sign * alt.paths };
      return;
    }
    this.before += sign * alt.before;
    const line = [this.root];
    for (const ch of alt.key) {
      const parent = line[line.length - 1]!;
      let child = parent.children.get(ch);
      if (!child) parent.children.set(ch, (child = node()));
      line.push(child);
    }
    for (const n of line) n.count += sign;
    const end = line[line.length - 1]!;
    // The key's characters were counted once per node on the way.
    end.work += sign * Math.max(0, alt.work - alt.before - (line.length - 1));
    end.paths += sign * alt.paths;
    for (let i = line.length - 1; i >= 0; i--) {
      const n = line[i]!;
      let work = 0;
      let paths = 0;
      for (const c of n.children.values()) {
        work = Math.max(work, c.best.work);
        paths = Math.max(paths, c.best.paths);
      }
      n.best = { work: sat(n.count + n.work + work), paths: sat(n.paths + paths) };
    }
  }
}
