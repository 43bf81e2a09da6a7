/**
 * The `/docs` page: Scalar's API reference over `/openapi.json`. The UI script comes from the CDN
 * pinned to one version with its Subresource Integrity hash, so the browser refuses any other
 * bytes; the page's Content-Security-Policy lets it run that script and nothing else, talk only to
 * this origin and load no font, frame or form target from elsewhere.
 * `node scripts/pin-scalar.mjs <version>` recomputes both from the npm package.
 */
export const SCALAR = {
  version: "1.76.0",
  /** sha384 of `dist/browser/standalone.js` in the npm package `@scalar/api-reference@<version>`. */
  integrity: "sha384-oH1C0RwqcwbVXkC+r8A+4qRoyEUQdtxAzOwumkxZtQBBcsy61FOoPt7B50OVJYYQ",
} as const;

const CDN = "https://cdn.jsdelivr.net";

/** The script URL: jsDelivr serves the npm package's file byte for byte. */
export const scalarScriptUrl = `${CDN}/npm/@scalar/api-reference@${SCALAR.version}/dist/browser/standalone.js`;

/**
 * Scalar injects its styles at run time ('unsafe-inline' styles; scripts stay strict). Its default
 * fonts come from its own host: turned off below (`withDefaultFonts: false`), so no font-src.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  `script-src ${CDN}`,
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const configuration = JSON.stringify({ withDefaultFonts: false }).replaceAll('"', "&quot;");

/** The page's HTML: a JSON (never executed) script element carries the configuration. */
export const DOCS_HTML = `<!doctype html><html lang="en"><head><title>Debrief API</title><meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/></head><body>
<script id="api-reference" type="application/json" data-url="/openapi.json" data-configuration="${configuration}"></script>
<script src="${scalarScriptUrl}" integrity="${SCALAR.integrity}" crossorigin="anonymous"></script></body></html>`;
