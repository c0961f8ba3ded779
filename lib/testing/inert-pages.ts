/**
 * For happy-dom tests that parse fixture pages: their scripts and stylesheets stay inert (parsed,
 * never run or fetched). Call once at the top of the test file.
 */
export function inertPages(): void {
  Object.assign((window as unknown as { happyDOM: { settings: object } }).happyDOM.settings, {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    handleDisabledFileLoadingAsSuccess: true,
  });
}
