import { OVERLAY_CSS } from '@/components/overlay-css';

let shared: CSSStyleSheet | null | undefined;

/**
 * One constructed stylesheet adopted by every overlay's shadow root: the
 * browser parses it once and shares its rules, instead of a `<style>` (and a
 * style scope to build) per card. Where adopting is not possible (older
 * engines, or a content-script sandbox that refuses it), each root gets its
 * own `<style>`.
 */
export function styleShadowRoot(root: ShadowRoot, doc: Document): void {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(OVERLAY_CSS);
    } catch {
      shared = null;
    }
  }
  if (shared) {
    try {
      root.adoptedStyleSheets = [shared];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch {
      shared = null;
    }
  }
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  root.append(style);
}
