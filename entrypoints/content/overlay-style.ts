import { OVERLAY_CSS, RESERVED_HOST } from '@/components/overlay-css';

/** One parsed sheet per stylesheet text; null once adopting turned out not to work here. */
const sheets = new Map<string, CSSStyleSheet>();
let adoptable = true;
/**
 * Whether adopting was seen to work, on a first root: reading `adoptedStyleSheets` back makes an array object that
 * lives as long as its root, so it is read once per page, not once per overlay (issue 13: heap per entry).
 */
let adopts = false;

function sheetFor(css: string): CSSStyleSheet | null {
  if (!adoptable) return null;
  let sheet = sheets.get(css);
  if (!sheet) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      adoptable = false;
      return null;
    }
    sheets.set(css, sheet);
  }
  return sheet;
}

/**
 * Sets the height every block overlay's host on the page keeps, drawn or not, in the one shared sheet: one
 * style change for all hosts instead of one per host. False where the overlays do not share a sheet.
 */
export function reserveHeight(em: number): boolean {
  const sheet = adoptable ? sheets.get(OVERLAY_CSS) : undefined;
  for (const rule of sheet?.cssRules ?? []) {
    if (rule instanceof CSSStyleRule && rule.selectorText === RESERVED_HOST) {
      rule.style.height = `${em}em`;
      return true;
    }
  }
  return false;
}

/**
 * One constructed stylesheet adopted by every overlay's shadow root: the
 * browser parses it once and shares its rules, instead of a `<style>` (and a
 * style scope to build) per card. Where adopting is not possible (older
 * engines, or a content-script sandbox that refuses it), each root gets its
 * own `<style>`. Keyboard triage's roots adopt the overlay's sheet and their own.
 */
export function styleShadowRoot(root: ShadowRoot, doc: Document, extra: string[] = []): void {
  const all = [OVERLAY_CSS, ...extra];
  const adopted = all.map(sheetFor);
  if (adopted.every((s) => s !== null)) {
    try {
      root.adoptedStyleSheets = adopted as CSSStyleSheet[];
      if (adopts || (adopts = root.adoptedStyleSheets.length === all.length)) return;
    } catch {
      // Falls through to <style> elements below.
    }
    adoptable = false;
  }
  for (const css of all) {
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}
