/**
 * The only sites Dogear reads. The manifest's host permissions (wxt.config.ts) and the router's allowed
 * content-script origins (background) come from here; the content script's own `matches` are written in
 * entrypoints/content/index.ts and must stay inside these origins.
 */
export const CONTENT_ORIGINS = ['https://huggingface.co', 'https://arxiv.org'];
export const HOST_PATTERNS = CONTENT_ORIGINS.map((o) => `${o}/*`);
