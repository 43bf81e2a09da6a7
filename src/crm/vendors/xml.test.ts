import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { child, children, parseXml, path, XmlError } from "./xml.js";

describe("parseXml", () => {
  it("reads elements, attributes, text, CDATA, entities and namespaces", () => {
    const root = parseXml(
      `\uFEFF<?xml version="1.0"?><!-- c --><a:root xmlns:a="urn:x" k='v &amp; w'>` +
        `<a:item n="1">x &lt; y &#x2013; &#169;</a:item><item n="2"/><b><![CDATA[<raw> & ]]></b></a:root>`,
    );
    expect(root.name).toBe("a:root");
    expect(root.local).toBe("root");
    expect(root.attributes).toEqual({ "xmlns:a": "urn:x", k: "v & w" });
    expect(children(root, "item").map((i) => i.attributes.n)).toEqual(["1", "2"]);
    expect(child(root, "item")?.text).toBe("x < y – ©");
    expect(path(root, "b")?.text).toBe("<raw> & ");
    expect(path(root, "b", "nothing")).toBeUndefined();
  });

  it.each([
    ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /DOCTYPE/],
    ['<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>', /DOCTYPE/],
    ["<a>&x;</a>", /unknown entity/],
    ["<a>&amp</a>", /unterminated entity/],
    ["<a>&#0;</a>", /invalid character reference/],
    ["<a><b></a>", /unexpected closing tag/],
    ["<a>", /unclosed element/],
    ["<a/><b/>", /second root/],
    ["text", /text outside/],
    ["", /no root/],
    ["<a x=1/>", /unquoted/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ["<a><!-- never closed </a>", /unterminated comment/],
  ])("refuses %s", (xml, why) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
    expect(() => parseXml(xml)).toThrow(why);
  });

  it("refuses nesting deeper than 64", () => {
    expect(() => parseXml(`${"<a>".repeat(65)}${"</a>".repeat(65)}`)).toThrow(/deeper than 64/);
    expect(parseXml(`${"<a>".repeat(64)}${"</a>".repeat(64)}`).local).toBe("a");
  });

  it("round-trips any text through escaping (property)", () => {
    const xmlEscape = (s: string) =>
      s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (text, attr) => {
        const root = parseXml(`<r a="${xmlEscape(attr)}"><t>${xmlEscape(text)}</t></r>`);
        expect(child(root, "t")?.text).toBe(text);
        expect(root.attributes.a).toBe(attr);
      }),
    );
  });

  it("never throws anything but XmlError on arbitrary input (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        try {
          parseXml(s);
        } catch (e) {
          expect(e).toBeInstanceOf(XmlError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
