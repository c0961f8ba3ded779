import { OVERLAY_CSS } from '@/components/overlay-css';

/** One parsed sheet per stylesheet text; null once adopting turned out not to work here. */
const sheets = new Map<string, CSSStyleSheet>();
let adoptable = true;

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
      if (root.adoptedStyleSheets.length === all.length) return;
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
