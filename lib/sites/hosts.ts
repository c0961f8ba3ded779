/** The only sites Dogear reads; the manifest's host permissions and content-script matches come from here. */
export const CONTENT_ORIGINS = ['https://huggingface.co', 'https://arxiv.org'];
export const HOST_PATTERNS = CONTENT_ORIGINS.map((o) => `${o}/*`);
