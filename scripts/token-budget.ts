/**
 * The coaching token budget, measured without any network: builds the exact chat completion
 * bodies the OpenAI engine would send for each bench call (the built-in discovery playbook) and
 * compares their estimated prompt tokens with the transcript's own (src/ai/tokens.ts estimator).
 *
 *   npx tsx scripts/token-budget.ts [--json] [files…]   (default: fixtures/bench/call-*.json)
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { buildCoachingRequests, estimateRequestTokens, transcriptTokens } from "../src/ai/request.js";
import { analyzeTranscript } from "../src/analysis/analyze.js";
import { defaultPlaybookFor } from "../src/coaching/playbook.js";
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
  console.log("file                 utterances  transcript tok  requests  prompt tok  ratio");
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(20)} ${String(r.utterances).padStart(10)}  ${String(r.transcriptTokens).padStart(14)}  ${String(r.requests).padStart(8)}  ${String(r.promptTokens).padStart(10)}  ${r.ratio.toFixed(3)}`,
    );
  }
}
