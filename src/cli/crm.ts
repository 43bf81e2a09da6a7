import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import { CRM_KINDS, type CrmKind } from "../crm/kinds.js";
import { importCrm } from "../crm/operations.js";
import { DebriefError } from "../errors.js";
import { outcomeReport } from "../outcomes/operations.js";
import { renderOutcomes } from "../outcomes/render.js";
import { cliActor, resolveOrg, withServices } from "./admin.js";
import { type CliIO, UsageError } from "./io.js";

export const CRM_HELP = `CRM data and outcome reports (act directly on the database: the embedded one, or DATABASE_URL):
  debrief import crm --kind leads|deals|activities|customers|costs FILE.csv [--org ORG] [--json]
  debrief report outcomes --from DATE --to DATE [--time-zone ZONE] [--org ORG] [--json]
The period is [from, to) in the organization's time zone unless --time-zone is given.
See docs/outcomes.md for the CSV columns and the metric definitions.
`;

/** `debrief import crm --kind K FILE`: exit 1 when any row was rejected. */
export async function importCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      kind: { type: "string" },
      org: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout(CRM_HELP);
    return 0;
  }
  const [what, file, ...extra] = positionals;
  if (what !== "crm") throw new UsageError("usage: debrief import crm --kind KIND FILE.csv");
  if (!file || extra.length > 0) throw new UsageError("import crm: give exactly one CSV file");
  const kind = values.kind as CrmKind | undefined;
  if (!kind || !CRM_KINDS.includes(kind))
    throw new UsageError(`import crm: --kind must be one of ${CRM_KINDS.join(", ")}`);
  return withServices(io, async (services) => {
    const orgId = await resolveOrg(services, values.org);
    let report: Awaited<ReturnType<typeof importCrm>>;
    try {
      report = await importCrm({ services, actor: cliActor(orgId) }, kind, createReadStream(file));
    } catch (err) {
      if (
        err instanceof Error &&
        "code" in err &&
        typeof err.code === "string" &&
        !(err instanceof DebriefError)
      )
        throw new DebriefError("io.read_failed", `${file}: ${err.message}`);
      throw err;
    }
    if (values.json) io.stdout(`${JSON.stringify(report)}\n`);
    else {
      io.stdout(
        `${file}: ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected\n`,
      );
      for (const e of report.errors) io.stderr(`${file}:${e.line}: ${e.id ? `${e.id}: ` : ""}${e.reason}\n`);
      if (report.rejected > report.errors.length)
        io.stderr(`… and ${report.rejected - report.errors.length} more rejected rows\n`);
    }
    return report.rejected > 0 ? 1 : 0;
  });
}

/** `debrief report outcomes --from D --to D`. */
export async function reportCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      "time-zone": { type: "string" },
      org: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout(CRM_HELP);
    return 0;
  }
  if (positionals[0] !== "outcomes" || positionals.length > 1)
    throw new UsageError("usage: debrief report outcomes --from DATE --to DATE");
  if (!values.from || !values.to) throw new UsageError("report outcomes: --from and --to are required");
  const { from, to } = values;
  return withServices(io, async (services) => {
    const orgId = await resolveOrg(services, values.org);
    const report = await outcomeReport(
      { services, actor: cliActor(orgId) },
      { from, to, timeZone: values["time-zone"] },
    );
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderOutcomes(report));
    return 0;
  });
}
