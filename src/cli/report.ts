import { parseArgs } from "node:util";
import { findUser } from "../admin/operations.js";
import { COACHING_LANGUAGES } from "../coaching/lang/index.js";
import { postCallReport, repReview, teamReport } from "../reports/operations.js";
import { reportHtml, reportMarkdown } from "../reports/render/index.js";
import type { Report } from "../reports/types.js";
import { cliActor, resolveOrg, withServices } from "./admin.js";
import { reportCommand as outcomesCommand } from "./crm.js";
import { type CliIO, UsageError } from "./io.js";

export const REPORT_HELP = `Reports (act directly on the database: the embedded one, or DATABASE_URL):
  debrief report team --from DATE --to DATE [--format json|md|html] [--lang LANG] [--org ORG]
  debrief report rep USER_ID|EMAIL --from DATE --to DATE [--format json|md|html] [--lang LANG] [--org ORG]
  debrief report call CALL_ID [--format json|md|html] [--org ORG]
  debrief report outcomes --from DATE --to DATE [--time-zone ZONE] [--json]
Periods are [from, to) in the organization's time zone. The format defaults to md.
--lang (en, ru, es, de, fr, pt; default en) is the language of a team or rep report in md/html;
a call report is in its call's language.
See docs/reports.md for what each report contains and how its figures are computed.
`;

const FORMATS = ["json", "md", "html"] as const;

/** `debrief report team|rep|call|outcomes …`. */
export async function reportCommand(args: string[], io: CliIO): Promise<number> {
  if (args[0] === "outcomes") return outcomesCommand(args, io);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      format: { type: "string", default: "md" },
      org: { type: "string" },
      lang: { type: "string", default: "en" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout(REPORT_HELP);
    return 0;
  }
  const [what, subject, ...extra] = positionals;
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(`report: --format must be one of ${FORMATS.join(", ")}`);
  if (extra.length > 0) throw new UsageError(`report: unexpected ${extra.join(" ")}`);
  const language = values.lang;
  if (!COACHING_LANGUAGES.includes(language))
    throw new UsageError(`report: --lang must be one of ${COACHING_LANGUAGES.join(", ")}`);
  const period = () => {
    if (!values.from || !values.to) throw new UsageError(`report ${what}: --from and --to are required`);
    return { from: values.from, to: values.to };
  };
  let run: (ctx: Parameters<typeof teamReport>[0]) => Promise<Report>;
  if (what === "team" && subject === undefined) run = (ctx) => teamReport(ctx, period());
  else if (what === "rep" && subject)
    run = async (ctx) => repReview(ctx, { userId: (await findUser(ctx, subject)).id, ...period() });
  else if (what === "call" && subject) run = (ctx) => postCallReport(ctx, subject);
  else throw new UsageError("usage: debrief report team|rep USER|call ID|outcomes … (debrief help report)");
  return withServices(io, async (services) => {
    const orgId = await resolveOrg(services, values.org);
    const report = await run({ services, actor: cliActor(orgId) });
    io.stdout(
      format === "json"
        ? `${JSON.stringify(report, null, 2)}\n`
        : format === "md"
          ? reportMarkdown(report, { language })
          : reportHtml(report, { language }),
    );
    return 0;
  });
}
