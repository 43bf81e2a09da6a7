/**
 * The coaching token budget, measured without any network: builds the exact chat completion
 * bodies the OpenAI engine would send for each bench call (the built-in discovery playbook) and
 * compares their estimated prompt tokens with the transcript's own (src/ai/tokens.ts estimator).
 *
 *   npx tsx scripts/token-budget.ts [--json] [files…]   (default: fixtures/bench/call-*.json)
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { report } from "../bench/record.js";
import { buildCoachingRequests, estimateRequestTokens, transcriptTokens } from "../src/ai/request.js";
import { analyzeTranscript } from "../src/analysis/analyze.js";
import { defaultPlaybookFor } from "../src/coaching/playbook/builtins.js";
import { parseTranscript } from "../src/transcript/parse.js";

const args = process.argv.slice(2);
const json = args.includes("--json");
const files = args.filter((a) => !a.startsWith("--"));
const inputs =
  files.length > 0
    ? files
    : ["fixtures/bench/call-15min.json", "fixtures/bench/call-60min.json", "fixtures/bench/call-240min.json"];

const playbook = defaultPlaybookFor("discovery");
const rows = inputs.map((file) => {
  const { transcript } = parseTranscript(readFileSync(file, "utf8"), { file });
  const analysis = analyzeTranscript(transcript);
  const plan = buildCoachingRequests({ transcript, analysis, playbook }, { model: "gpt-4.1-mini" });
  const perRequest = plan.bodies.map(estimateRequestTokens);
  const prompt = perRequest.reduce((a, b) => a + b, 0);
  const own = transcriptTokens({ transcript });
  return {
    file: basename(file),
    utterances: transcript.utterances.length,
    transcriptTokens: own,
    requests: plan.bodies.length,
    promptTokens: prompt,
    perRequest,
    ratio: Math.round((prompt / own) * 1000) / 1000,
  };
});

if (json) {
  for (const r of rows) console.log(JSON.stringify(r));
} else {
  const fmt = (n: number) => n.toLocaleString("en-US");
  const table = [
    "| call | utterances | transcript tokens | requests | prompt tokens | ratio |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.file} | ${r.utterances} | ${fmt(r.transcriptTokens)} | ${r.requests} | ${fmt(r.promptTokens)} | ${r.ratio.toFixed(3)} |`,
    ),
  ].join("\n");
  const hour = rows.find((r) => r.file === "call-60min.json");
  const note = hour
    ? `\n\nPer hour of audio: about ${fmt(Math.round(hour.promptTokens / 100) * 100)} prompt tokens for one full analysis (the 60-minute call). Short calls pay a fixed ~1,850 tokens per request (instructions, schema, playbook), so a 15-minute call exceeds the 1.3× ratio; from an hour up it holds, chunked or not.`
    : "";
  report(
    "tokens",
    `${new Date().toISOString().slice(0, 10)}, \`npx tsx scripts/token-budget.ts\` (discovery playbook, prompt coaching@1; tokens by the engine's estimator)`,
    table + note,
  );
}
