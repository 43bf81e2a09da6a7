import { describe, expect, it } from "vitest";
import { SAMPLE_RESULT } from "../../../test/helpers/crm-fixtures.js";
import { renderNoteHtml, renderNoteText } from "./call-result.js";

describe("renderNoteHtml", () => {
  it("renders title, summary, next steps, metrics and the link", () => {
    expect(renderNoteHtml(SAMPLE_RESULT)).toBe(
      "<p><strong>Debrief: Discovery – Acme Corp</strong></p>" +
        "<p>Acme needs SSO before rollout.<br>Budget approved for Q2.</p>" +
        "<p><strong>Next steps</strong></p><ul>" +
        "<li>Send SSO security whitepaper (Dana Smith, due 2026-03-05)</li>" +
        "<li>Book technical deep-dive</li></ul>" +
        "<p><strong>Key metrics</strong></p><ul>" +
        "<li>Talk ratio: 42% rep</li><li>Questions asked: 14</li><li>Patience: 1.3 s</li>" +
        "<li>Objections: 2</li><li>Playbook score: 78/100</li></ul>" +
        '<p><a href="https://debrief.example.com/calls/call_7fQk2">Open the call in Debrief</a></p>',
    );
  });

  it("escapes untrusted call content and drops a non-http link", () => {
    const out = renderNoteHtml({
      ...SAMPLE_RESULT,
      title: '<script>alert("x")</script>',
      summary: "Tom & Jerry's <b>deal</b>",
      nextSteps: [{ text: "<img src=x onerror=alert(1)>", owner: "<i>", due: null }],
      url: "javascript:alert(1)",
    });
    expect(out).not.toMatch(/<script|<img|<b>|<i>|javascript:/);
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(out).toContain("Tom &amp; Jerry&#39;s &lt;b&gt;deal&lt;/b&gt;");
  });

  it("leaves out empty sections and unknown metrics", () => {
    const out = renderNoteHtml({
      ...SAMPLE_RESULT,
      summary: " ",
      nextSteps: [],
      metrics: { talkRatio: null, questions: 0, patienceSec: null, objections: null, playbookScore: null },
      url: null,
    });
    expect(out).toBe(
      "<p><strong>Debrief: Discovery – Acme Corp</strong></p><p><strong>Key metrics</strong></p><ul><li>Questions asked: 0</li></ul>",
    );
  });
});

describe("renderNoteText", () => {
  it("renders the same content as plain text", () => {
    expect(renderNoteText(SAMPLE_RESULT)).toBe(
      [
        "Debrief: Discovery – Acme Corp",
        "",
        "Acme needs SSO before rollout.\nBudget approved for Q2.",
        "",
        "Next steps\n- Send SSO security whitepaper (Dana Smith, due 2026-03-05)\n- Book technical deep-dive",
        "",
        "Key metrics\n- Talk ratio: 42% rep\n- Questions asked: 14\n- Patience: 1.3 s\n- Objections: 2\n- Playbook score: 78/100",
        "",
        "Open the call in Debrief: https://debrief.example.com/calls/call_7fQk2",
      ].join("\n"),
    );
  });
});
