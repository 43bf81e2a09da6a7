import { describe, expect, it } from "vitest";
import { DOCS_CSP, DOCS_HTML, SCALAR, scalarScriptUrl } from "./docs-page.js";

describe("/docs page: a pinned, integrity-checked UI under a strict CSP", () => {
  it("loads Scalar at an exact version with a sha384 integrity hash", () => {
    expect(SCALAR.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(SCALAR.integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
    expect(scalarScriptUrl).toBe(
      `https://cdn.jsdelivr.net/npm/@scalar/api-reference@${SCALAR.version}/dist/browser/standalone.js`,
    );
    expect(DOCS_HTML).toContain(
      `<script src="${scalarScriptUrl}" integrity="${SCALAR.integrity}" crossorigin="anonymous"></script>`,
    );
  });

  it("has no other external address and no executable inline script", () => {
    const urls = DOCS_HTML.match(/https?:\/\/[^"'\s)]+/g) ?? [];
    expect(urls).toEqual([scalarScriptUrl]);
    const scripts = [...DOCS_HTML.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    for (const [, attrs, body] of scripts) {
      // Either the pinned external script, or a data element the browser never executes.
      if (attrs?.includes("src=")) expect(body).toBe("");
      else expect(attrs).toContain('type="application/json"');
    }
  });

  it("the CSP allows scripts from the pinned CDN only and connections to this origin only", () => {
    const directives = Object.fromEntries(
      DOCS_CSP.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]),
    );
    expect(directives["default-src"]).toBe("'none'");
    expect(directives["script-src"]).toBe("https://cdn.jsdelivr.net");
    expect(directives["connect-src"]).toBe("'self'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(DOCS_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("turns Scalar's remote default fonts off and points it at /openapi.json", () => {
    expect(DOCS_HTML).toContain('data-url="/openapi.json"');
    expect(DOCS_HTML).toContain("&quot;withDefaultFonts&quot;:false");
  });
});
