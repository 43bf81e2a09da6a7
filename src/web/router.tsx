import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { stringify } from "yaml";
import { createKey, createUser, listKeys, listUsers, revokeKey } from "../admin/operations.js";
import type { AppEnv } from "../api/env.js";
import { problem } from "../api/problem.js";
import { createFromMultipart } from "../api/routes/upload.js";
import { authenticate } from "../auth/actor.js";
import { type CallCtx, getCall, getCallTranscript } from "../calls/operations.js";
import { callAudio } from "../calls/recording.js";
import { callSyncStatus } from "../calls/sync-status.js";
import type { PlaybookIssue } from "../coaching/playbook/parse.js";
import {
  CreateConnectionSchema,
  createConnection,
  deleteConnection,
  listConnections,
} from "../crm/connections.js";
import { USER_ROLES, type UserRole } from "../db/schema/index.js";
import { DebriefError, HTTP_STATUS } from "../errors.js";
import { getPlaybook, listPlaybooks, putPlaybook } from "../playbooks/store.js";
import { repReview, teamReport, teamWeeks } from "../reports/operations.js";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  replayDelivery,
  updateEndpoint,
  WEBHOOK_EVENT_TYPES,
} from "../webhooks/endpoints.js";
import { CSS, JS } from "./assets.js";
import { CallListQuerySchema, listCallRows } from "./calls-query.js";
import {
  CSRF_FIELD,
  CSRF_HEADER,
  checkPreSessionCsrf,
  preSessionCsrfToken,
  safeEqual,
  sessionCsrfToken,
} from "./csrf.js";
import { progressOf } from "./format.js";
import { consumeMagicLink, type EmailSender, logEmailSender, requestMagicLink } from "./magic-link.js";
import { CallPage } from "./pages/call.js";
import { CallsPage, type Option } from "./pages/calls.js";
import {
  type ConnectionValues,
  CrmConnectionsPage,
  WebhookPage,
  WebhooksPage,
} from "./pages/integrations.js";
import { ErrorPage } from "./pages/layout.js";
import { LoginPage, MagicConfirmPage } from "./pages/login.js";
import { RepPage, TeamPage } from "./pages/reports.js";
import { PlaybookEditPage, PlaybooksPage, UsersPage } from "./pages/settings.js";
import { UploadPage } from "./pages/upload.js";
import { pagePeriod } from "./period.js";
import { byteRange } from "./range.js";
import {
  clearSessionCookie,
  createSession,
  isLocalRequest,
  loadSession,
  revokeSession,
  sessionToken,
  setSessionCookie,
  type WebUser,
} from "./session.js";

/** What the dashboard needs beyond the API's services. */
export interface WebDeps {
  /** How magic-link e-mails leave; default: written to the log (a machine without mail). */
  email?: (c: Context) => EmailSender;
}

type WebEnv = { Variables: AppEnv["Variables"] & { user: WebUser } };
type C = Context<WebEnv>;

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

const CSRF_REFUSED =
  "This form was refused: it did not come from a Debrief page of your current session. Go back, reload the page and try again.";

async function render(c: Context, node: JSX.Element, status = 200): Promise<Response> {
  c.header("content-security-policy", CSP);
  c.header("x-content-type-options", "nosniff");
  c.header("referrer-policy", "same-origin");
  c.header("x-frame-options", "DENY");
  c.header("cache-control", "no-store");
  const html = `<!doctype html>${await node.toString()}`;
  return c.html(html, status as 200);
}

const wantsJson = (c: Context) => (c.req.header("accept") ?? "").includes("application/json");

/** A same-site path to return to after sign-in (never another origin). */
function safeNext(v: unknown): string {
  return typeof v === "string" && /^\/(?!\/)[^\s\\]*$/.test(v) && !v.startsWith("/login") ? v : "/calls";
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

const callCtx = (c: C): CallCtx => ({ services: c.get("services"), actor: c.get("user").actor });
const adminCtx = callCtx;

/** Everyone whose calls the signed-in user may see, by id (a rep sees only themselves). */
async function people(c: C): Promise<Map<string, { name: string; role: UserRole }>> {
  const user = c.get("user");
  if (user.actor.role === "rep") return new Map([[user.actor.userId, { name: user.name, role: "rep" }]]);
  const all = await listUsers(adminCtx(c));
  return new Map(all.map((u) => [u.id, { name: u.name, role: u.role }]));
}

async function playbookOptions(c: C): Promise<Option[]> {
  return (await listPlaybooks(adminCtx(c))).map((p) => ({ value: p.id, label: p.name }));
}

/**
 * The web dashboard: server-rendered pages (hono/jsx) on the API's operations, signed in with a
 * session cookie. Mounted at "/" by `createApp`; every route here is a page path, never /v1.
 */
export function createWebRouter(deps: WebDeps = {}): Hono<WebEnv> {
  const web = new Hono<WebEnv>();
  const emailFor = (c: C) => deps.email?.(c) ?? logEmailSender(c.get("services").logger);

  const currentUser = async (c: Context): Promise<WebUser | null> => {
    const token = sessionToken(c);
    if (!token) return null;
    const services = c.get("services") as AppEnv["Variables"]["services"];
    return loadSession(services.db, token, services.now(), sessionCsrfToken);
  };

  /** Signed-in pages: no session sends the browser to /login (a JSON caller gets 401). */
  const requireUser: MiddlewareHandler<WebEnv> = async (c, next) => {
    const user = await currentUser(c);
    if (!user) {
      if (wantsJson(c)) return problem(c, "auth.unauthorized", "sign in again: your session has ended");
      const next =
        c.req.method === "GET"
          ? `?next=${encodeURIComponent(new URL(c.req.url).pathname + new URL(c.req.url).search)}`
          : "";
      return c.redirect(`/login${next}`, 303);
    }
    c.set("user", user);
    await next();
  };

  /** Every signed-in form posts the session's CSRF token (field or header); the upload checks its own. */
  const requireCsrf: MiddlewareHandler<WebEnv> = async (c, next) => {
    if (c.req.method !== "POST" || new URL(c.req.url).pathname === "/calls/new") return next();
    const given = c.req.header(CSRF_HEADER) ?? str((await c.req.parseBody())[CSRF_FIELD]);
    if (!safeEqual(given, c.get("user").csrf)) throw new DebriefError("auth.forbidden", CSRF_REFUSED);
    await next();
  };

  const requireAdmin: MiddlewareHandler<WebEnv> = async (c, next) => {
    if (c.get("user").actor.role !== "admin")
      throw new DebriefError("auth.forbidden", "Settings are for administrators of this organization.");
    await next();
  };

  for (const path of ["/calls", "/calls/*", "/reps/*", "/team", "/settings", "/settings/*", "/logout"]) {
    web.use(path, requireUser, requireCsrf);
  }
  web.use("/settings", requireAdmin);
  web.use("/settings/*", requireAdmin);

  web.onError(async (err, c) => {
    if (err instanceof DebriefError) {
      if (wantsJson(c)) return problem(c, err.code, err.message, err.details ?? {});
      const status = HTTP_STATUS[err.code];
      const title =
        status === 404
          ? "Not found"
          : status === 403
            ? "Not allowed"
            : "Something is wrong with that request";
      const detail = status === 404 ? "There is nothing here, or it is not yours to see." : err.message;
      const user = (c.get("user") as WebUser | undefined) ?? null;
      return render(c, <ErrorPage user={user} title={title} detail={detail} />, status);
    }
    c.get("services").logger.error("unhandled error in the dashboard", {
      requestId: c.get("requestId"),
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    return render(
      c,
      <ErrorPage
        title="Something went wrong"
        detail={`Something went wrong on our side (request ${c.get("requestId")}).`}
      />,
      500,
    );
  });

  // ── assets ──
  const asset = (body: string, type: string) => (c: Context) =>
    c.body(body, 200, {
      "content-type": type,
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    });
  web.get("/assets/app.css", asset(CSS, "text/css; charset=utf-8"));
  web.get("/assets/app.js", asset(JS, "text/javascript; charset=utf-8"));

  // ── sign-in ──
  web.get("/", async (c) => c.redirect((await currentUser(c)) ? "/calls" : "/login", 303));

  web.get("/login", async (c) => {
    if (await currentUser(c)) return c.redirect("/calls", 303);
    return render(c, <LoginPage csrf={preSessionCsrfToken(c)} next={safeNext(c.req.query("next"))} />);
  });

  web.post("/login", async (c) => {
    const form = await c.req.parseBody();
    if (!checkPreSessionCsrf(c, form[CSRF_FIELD])) throw new DebriefError("auth.forbidden", CSRF_REFUSED);
    const services = c.get("services");
    const key = str(form.key).trim();
    const actor = key ? await authenticate(services.db, key, services.now()) : null;
    if (!actor) {
      return render(
        c,
        <LoginPage
          csrf={preSessionCsrfToken(c)}
          next={safeNext(form.next)}
          error="That API key is unknown or has been revoked."
        />,
        401,
      );
    }
    const session = await createSession(services.db, {
      orgId: actor.orgId,
      userId: actor.userId,
      apiKeyId: actor.keyId,
      now: services.now(),
    });
    setSessionCookie(c, session.token, session.expiresAt);
    return c.redirect(safeNext(form.next), 303);
  });

  web.post("/login/magic", async (c) => {
    const form = await c.req.parseBody();
    if (!checkPreSessionCsrf(c, form[CSRF_FIELD])) throw new DebriefError("auth.forbidden", CSRF_REFUSED);
    const services = c.get("services");
    // Links point at DEBRIEF_PUBLIC_URL; the request's own origin is trusted only on a loopback
    // address (a forged Host header must not put an attacker's site in the e-mail).
    const baseUrl =
      services.config.DEBRIEF_PUBLIC_URL?.replace(/\/+$/, "") ??
      (isLocalRequest(c) ? new URL(c.req.url).origin : null);
    if (baseUrl) {
      await requestMagicLink(
        { db: services.db, email: emailFor(c), now: services.now(), baseUrl },
        str(form.email),
      );
    } else {
      services.logger.warn("magic link not sent: set DEBRIEF_PUBLIC_URL to the dashboard's public address");
    }
    return render(
      c,
      <LoginPage
        csrf={preSessionCsrfToken(c)}
        next="/calls"
        notice="If an account uses that address, a sign-in link is on its way. It works once, within 15 minutes."
      />,
    );
  });

  web.get("/login/magic", (c) =>
    render(
      c,
      <MagicConfirmPage csrf={preSessionCsrfToken(c)} token={str(c.req.query("token")).slice(0, 100)} />,
    ),
  );

  web.post("/login/magic/confirm", async (c) => {
    const form = await c.req.parseBody();
    if (!checkPreSessionCsrf(c, form[CSRF_FIELD])) throw new DebriefError("auth.forbidden", CSRF_REFUSED);
    const services = c.get("services");
    const link = await consumeMagicLink(services.db, str(form.token), services.now());
    if (!link) {
      return render(
        c,
        <LoginPage
          csrf={preSessionCsrfToken(c)}
          next="/calls"
          error="This sign-in link is invalid, already used or expired. Ask for a new one below."
        />,
        400,
      );
    }
    const session = await createSession(services.db, { ...link, apiKeyId: null, now: services.now() });
    setSessionCookie(c, session.token, session.expiresAt);
    return c.redirect("/calls", 303);
  });

  web.post("/logout", async (c) => {
    const services = c.get("services");
    await revokeSession(services.db, c.get("user").sessionId, services.now());
    clearSessionCookie(c);
    return c.redirect("/login", 303);
  });

  // ── calls ──
  web.get("/calls", async (c) => {
    const user = c.get("user");
    const parsed = CallListQuerySchema.safeParse(c.req.query());
    const query = parsed.success ? parsed.data : CallListQuerySchema.parse({});
    const [page, who, playbooks] = await Promise.all([
      listCallRows(callCtx(c), query),
      people(c),
      playbookOptions(c),
    ]);
    const reps = [...who].map(([value, p]) => ({ value, label: p.name }));
    return render(
      c,
      <CallsPage
        user={user}
        query={query}
        rows={page.rows}
        hasNext={page.hasNext}
        reps={reps}
        playbooks={playbooks}
        repName={(id) => (id ? (who.get(id)?.name ?? "–") : "–")}
        error={parsed.success ? null : "Some filters were not understood and were ignored."}
      />,
      parsed.success ? 200 : 422,
    );
  });

  const uploadPage = async (
    c: C,
    error: string | null = null,
    values: Record<string, string> = {},
    status = 200,
  ) => {
    const [who, playbooks] = await Promise.all([people(c), playbookOptions(c)]);
    const reps = [...who].map(([value, p]) => ({ value, label: `${p.name} (${p.role})` }));
    return render(
      c,
      <UploadPage user={c.get("user")} reps={reps} playbooks={playbooks} error={error} values={values} />,
      status,
    );
  };

  web.get("/calls/new", (c) => uploadPage(c));

  web.post("/calls/new", async (c) => {
    const user = c.get("user");
    const headerToken = c.req.header(CSRF_HEADER);
    // XHR sends the token as a header (checked before the body is read); the plain form sends it
    // as the first field, checked before the file part is read.
    if (headerToken !== undefined && !safeEqual(headerToken, user.csrf))
      throw new DebriefError("auth.forbidden", CSRF_REFUSED);
    const type = c.req.header("content-type") ?? "";
    try {
      if (!type.toLowerCase().startsWith("multipart/form-data"))
        throw new DebriefError("unsupported_media_type", "send the upload form (multipart/form-data)");
      const result = await createFromMultipart(c as unknown as Context<AppEnv>, callCtx(c), type, undefined, {
        ignoreEmptyFields: true,
        beforeFile: (fields) => {
          if (headerToken === undefined && !safeEqual(fields[CSRF_FIELD] ?? "", user.csrf))
            throw new DebriefError("auth.forbidden", CSRF_REFUSED);
        },
      });
      const id = result.call.id;
      if (wantsJson(c))
        return c.json(
          { id, url: `/calls/${id}`, statusUrl: `/calls/${id}/status`, created: result.created },
          202,
        );
      return c.redirect(`/calls/${id}`, 303);
    } catch (err) {
      if (!(err instanceof DebriefError) || err.code === "auth.forbidden" || wantsJson(c)) throw err;
      return uploadPage(c, err.message, {}, HTTP_STATUS[err.code]);
    }
  });

  web.get("/calls/:id/status", async (c) => {
    const call = await getCall(callCtx(c), c.req.param("id"));
    c.header("cache-control", "no-store");
    return c.json({
      id: call.id,
      status: call.status,
      coachingStatus: call.coachingStatus,
      ...progressOf(call),
    });
  });

  web.get("/calls/:id", async (c) => {
    const ctx = callCtx(c);
    const id = c.req.param("id");
    const call = await getCall(ctx, id);
    const [transcript, who, sync] = await Promise.all([
      getCallTranscript(ctx, id),
      people(c),
      callSyncStatus(ctx, id),
    ]);
    const repName = call.repUserId ? (who.get(call.repUserId)?.name ?? "–") : "–";
    return render(
      c,
      <CallPage user={c.get("user")} call={call} transcript={transcript} repName={repName} sync={sync} />,
    );
  });

  /** The call's recording, streamed from storage; a Range request gets 206 (seeking in <audio>). */
  web.get("/calls/:id/audio", async (c) => {
    const range = byteRange(c.req.header("range"));
    const audio = await callAudio(callCtx(c), c.req.param("id"), range ?? undefined);
    const headers: Record<string, string> = {
      "content-type": audio.contentType,
      "accept-ranges": "bytes",
      "cache-control": "private, max-age=300",
      "x-content-type-options": "nosniff",
      // Never a document: nothing in the stored bytes can run as this origin's page.
      "content-security-policy": "default-src 'none'; sandbox",
      "content-disposition": audio.contentType === "application/octet-stream" ? "attachment" : "inline",
    };
    if (!audio.body) return c.body(null, 416, { ...headers, "content-range": `bytes */${audio.size}` });
    if (!audio.range) return c.body(audio.body, 200, { ...headers, "content-length": String(audio.size) });
    const { start, end } = audio.range;
    return c.body(audio.body, 206, {
      ...headers,
      "content-range": `bytes ${start}-${end}/${audio.size}`,
      "content-length": String(end - start + 1),
    });
  });

  // ── reports: a rep's page and the team's ──
  /** The period asked for in the query, else the last weeks up to today (UTC). */
  const periodOf = (c: C) => pagePeriod(c.req.query(), c.get("services").now().toISOString().slice(0, 10));

  web.get("/reps/:userId", async (c) => {
    const { period, error } = periodOf(c);
    // A rep asking for a colleague gets the operation's 404, as for a colleague's call.
    const report = await repReview(callCtx(c), {
      userId: c.req.param("userId"),
      from: period.from,
      to: period.toExclusive,
    });
    return render(
      c,
      <RepPage user={c.get("user")} report={report} period={period} error={error} />,
      error ? 422 : 200,
    );
  });

  web.get("/team", async (c) => {
    const user = c.get("user");
    if (user.actor.role === "rep")
      throw new DebriefError(
        "auth.forbidden",
        "The team page is for managers and admins; your own coaching is under My coaching.",
      );
    const { period, error } = periodOf(c);
    const input = { from: period.from, to: period.toExclusive };
    const [report, weeks] = await Promise.all([teamReport(callCtx(c), input), teamWeeks(callCtx(c), input)]);
    return render(
      c,
      <TeamPage user={user} report={report} weeks={weeks} period={period} error={error} />,
      error ? 422 : 200,
    );
  });

  // ── settings (admins) ──
  web.get("/settings", (c) => c.redirect("/settings/users", 303));

  const usersPage = async (
    c: C,
    extra: {
      error?: string;
      notice?: string;
      createdKey?: { key: string; name: string; owner: string };
    } = {},
    status = 200,
  ) => {
    const ctx = adminCtx(c);
    const [users, keys] = await Promise.all([listUsers(ctx), listKeys(ctx)]);
    return render(c, <UsersPage user={c.get("user")} users={users} keys={keys} {...extra} />, status);
  };

  web.get("/settings/users", (c) =>
    usersPage(c, { notice: c.req.query("notice") === "revoked" ? "The key is revoked." : "" }),
  );

  web.post("/settings/users", async (c) => {
    const form = await c.req.parseBody();
    const role = str(form.role) as UserRole;
    const name = str(form.name).trim();
    const email = str(form.email).trim();
    if (!USER_ROLES.includes(role) || !name || name.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      return usersPage(c, { error: "Give a name, a valid e-mail address and a role." }, 422);
    try {
      const u = await createUser(adminCtx(c), { email, name, role });
      return usersPage(c, { notice: `${u.name} was added as ${u.role}.` });
    } catch (err) {
      if (err instanceof DebriefError && err.code === "conflict")
        return usersPage(c, { error: err.message }, 409);
      throw err;
    }
  });

  web.post("/settings/keys", async (c) => {
    const form = await c.req.parseBody();
    const name = str(form.name).trim();
    if (!name || name.length > 100)
      return usersPage(c, { error: "Give the key a name (up to 100 characters)." }, 422);
    const key = await createKey(adminCtx(c), { userId: str(form.userId), name });
    const owner = (await listUsers(adminCtx(c))).find((u) => u.id === key.userId)?.name ?? key.userId;
    return usersPage(c, { createdKey: { key: key.key, name: key.name, owner } });
  });

  web.post("/settings/keys/:id/revoke", async (c) => {
    const services = c.get("services");
    await revokeKey(adminCtx(c), c.req.param("id"), services.now());
    return c.redirect("/settings/users?notice=revoked", 303);
  });

  web.get("/settings/playbooks", async (c) =>
    render(
      c,
      <PlaybooksPage
        user={c.get("user")}
        playbooks={await listPlaybooks(adminCtx(c))}
        notice={c.req.query("saved") ? `Playbook ${c.req.query("saved")} saved.` : null}
      />,
    ),
  );

  web.get("/settings/playbooks/new", (c) =>
    render(c, <PlaybookEditPage user={c.get("user")} slug={null} builtin={false} text={NEW_PLAYBOOK} />),
  );

  web.get("/settings/playbooks/:id", async (c) => {
    const p = await getPlaybook(adminCtx(c), c.req.param("id"));
    return render(
      c,
      <PlaybookEditPage
        user={c.get("user")}
        slug={p.id}
        builtin={p.builtin}
        text={stringify(p.definition, { lineWidth: 0 })}
      />,
    );
  });

  const savePlaybook = async (c: C, slug: string | null) => {
    const form = await c.req.parseBody();
    const text = str(form.text).replace(/\r\n/g, "\n");
    if (text.length > 256_000) throw new DebriefError("payload_too_large", "playbooks are limited to 256 KB");
    // A new playbook takes its id from the text; an existing one must keep its id.
    const id = slug ?? /^id:\s*["']?([a-z0-9][a-z0-9_-]*)/m.exec(text)?.[1] ?? "";
    try {
      if (!id)
        throw new DebriefError("validation_failed", "id: is required", {
          details: {
            errors: [{ path: "id", message: "is required (lower-case letters, digits, '-' and '_')" }],
          },
        });
      const saved = await putPlaybook(adminCtx(c), id, text, c.get("services").now());
      return c.redirect(`/settings/playbooks?saved=${encodeURIComponent(saved.id)}`, 303);
    } catch (err) {
      if (!(err instanceof DebriefError) || err.code !== "validation_failed") throw err;
      const issues = (err.details?.errors as PlaybookIssue[] | undefined) ?? [
        { path: "", message: err.message },
      ];
      return render(
        c,
        <PlaybookEditPage user={c.get("user")} slug={slug} builtin={false} text={text} issues={issues} />,
        422,
      );
    }
  };
  // ── settings: webhooks (the operations of src/webhooks do the work and check the role) ──
  const webhooksPage = async (
    c: C,
    extra: Omit<Parameters<typeof WebhooksPage>[0], "user" | "endpoints"> = {},
    status = 200,
  ) =>
    render(
      c,
      <WebhooksPage user={c.get("user")} endpoints={await listEndpoints(adminCtx(c))} {...extra} />,
      status,
    );
  const webhookPage = async (
    c: C,
    id: string,
    extra: { error?: string; notice?: string } = {},
    status = 200,
  ) => {
    const [endpoint, deliveries] = await Promise.all([
      getEndpoint(adminCtx(c), id),
      listDeliveries(adminCtx(c), id, 50),
    ]);
    return render(
      c,
      <WebhookPage user={c.get("user")} endpoint={endpoint} deliveries={deliveries} {...extra} />,
      status,
    );
  };
  const NOTICES: Record<string, string> = {
    deleted: "The endpoint is deleted.",
    saved: "The endpoint is saved.",
    replayed: "The message is queued to be sent again.",
    "crm-deleted": "The connection is deleted.",
  };
  const notice = (c: C) => NOTICES[c.req.query("notice") ?? ""] ?? "";

  web.get("/settings/webhooks", (c) => webhooksPage(c, { notice: notice(c) }));

  web.post("/settings/webhooks", async (c) => {
    const { url, events } = endpointForm(await c.req.parseBody({ all: true }));
    try {
      const created = await createEndpoint(adminCtx(c), { url, ...(events.length ? { events } : {}) });
      return webhooksPage(c, { created: { url: created.url, secret: created.secret } });
    } catch (err) {
      if (!isUserError(err)) throw err;
      return webhooksPage(c, { error: err.message, values: { url, events } }, HTTP_STATUS[err.code]);
    }
  });

  web.get("/settings/webhooks/:id", (c) => webhookPage(c, c.req.param("id"), { notice: notice(c) }));

  web.post("/settings/webhooks/:id", async (c) => {
    const id = c.req.param("id");
    const form = await c.req.parseBody({ all: true });
    const { url, events } = endpointForm(form);
    try {
      await updateEndpoint(adminCtx(c), id, {
        url,
        events: events.length ? events : null,
        enabled: form.enabled === "on",
      });
      return c.redirect(`/settings/webhooks/${encodeURIComponent(id)}?notice=saved`, 303);
    } catch (err) {
      if (!isUserError(err) || err.code === "not_found") throw err;
      return webhookPage(c, id, { error: err.message }, HTTP_STATUS[err.code]);
    }
  });

  web.post("/settings/webhooks/:id/delete", async (c) => {
    await deleteEndpoint(adminCtx(c), c.req.param("id"));
    return c.redirect("/settings/webhooks?notice=deleted", 303);
  });

  web.post("/settings/webhooks/:id/deliveries/:deliveryId/replay", async (c) => {
    const id = c.req.param("id");
    await replayDelivery(adminCtx(c), id, c.req.param("deliveryId"));
    return c.redirect(`/settings/webhooks/${encodeURIComponent(id)}?notice=replayed`, 303);
  });

  // ── settings: CRM connections (src/crm/connections.ts) ──
  /** The receiver URLs shown to paste at the vendor: the public address, else this request's. */
  const publicBase = (c: C) =>
    c.get("services").config.DEBRIEF_PUBLIC_URL?.replace(/\/+$/, "") ?? new URL(c.req.url).origin;
  const crmPage = async (
    c: C,
    extra: Omit<Parameters<typeof CrmConnectionsPage>[0], "user" | "connections"> = {},
    status = 200,
  ) =>
    render(
      c,
      <CrmConnectionsPage
        user={c.get("user")}
        connections={await listConnections(adminCtx(c), publicBase(c))}
        {...extra}
      />,
      status,
    );

  web.get("/settings/crm", (c) => crmPage(c, { notice: notice(c) }));

  web.post("/settings/crm", async (c) => {
    const form = await c.req.parseBody();
    const { input, values } = connectionForm(form);
    const parsed = CreateConnectionSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return crmPage(c, { error: `${issue.path.join(".") || "form"}: ${issue.message}`, values }, 422);
    }
    try {
      const created = await createConnection(adminCtx(c), parsed.data, publicBase(c));
      const { credentials, ...connection } = created;
      return crmPage(c, { created: { connection, credentials } });
    } catch (err) {
      if (!isUserError(err)) throw err;
      return crmPage(c, { error: err.message, values }, HTTP_STATUS[err.code]);
    }
  });

  web.post("/settings/crm/:id/delete", async (c) => {
    await deleteConnection(adminCtx(c), c.req.param("id"));
    return c.redirect("/settings/crm?notice=crm-deleted", 303);
  });

  web.post("/settings/playbooks", (c) => savePlaybook(c, null));
  web.post("/settings/playbooks/:id", (c) => savePlaybook(c, c.req.param("id")));

  return web;
}

const NEW_PLAYBOOK = `id: my-playbook
name: My playbook
version: 1
stage: discovery
items:
  - id: pain
    title: Uncover the pain
    description: Ask what problem the customer is trying to solve.
    why: Deals without a clear pain stall.
    examples:
      - What made you look at this now?
`;

/** Errors a form shows in place (bad input, a refused URL, missing secrets key), not as an error page. */
function isUserError(err: unknown): err is DebriefError {
  return err instanceof DebriefError && HTTP_STATUS[err.code] < 500 && err.code !== "auth.forbidden";
}

type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
type FormBody = Record<string, string | File | (string | File)[]>;
const strs = (v: FormBody[string] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");

/** The webhook endpoint form: its URL and the event types ticked (unknown ones dropped). */
function endpointForm(form: FormBody): { url: string; events: WebhookEventType[] } {
  const url = (strs(form.url)[0] ?? "").trim();
  const events = strs(form.events).filter((e): e is WebhookEventType =>
    (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e),
  );
  return { url, events };
}

/**
 * The CRM connection form as the operation's input (validated by its schema): the chosen vendor's
 * fields only, numbers as numbers, empty fields left out.
 */
function connectionForm(form: Record<string, unknown>): {
  input: Record<string, unknown>;
  values: ConnectionValues;
} {
  const f = (k: string) => str(form[k]).trim();
  const opt = (k: string, v: string) => (v ? { [k]: v } : {});
  const num = (v: string) => (/^\d{1,15}$/.test(v) ? Number(v) : v);
  const vendor = f("vendor");
  const common = {
    vendor,
    ...opt("name", f("name")),
    ...(form.writeBack === "on" ? { writeBack: true } : {}),
  };
  const values: ConnectionValues = {
    vendor,
    name: f("name"),
    portalId: f("portalId"),
    companyId: f("companyId"),
    companyDomain: f("companyDomain"),
    organizationId: f("organizationId"),
    instanceUrl: f("instanceUrl"),
  };
  switch (vendor) {
    case "hubspot":
      return {
        input: {
          ...common,
          portalId: num(f("portalId")),
          clientSecret: f("clientSecret"),
          ...opt("accessToken", f("hubspotAccessToken")),
        },
        values,
      };
    case "pipedrive":
      return {
        input: {
          ...common,
          companyId: num(f("companyId")),
          companyDomain: f("companyDomain"),
          ...opt("apiToken", f("apiToken")),
        },
        values,
      };
    case "salesforce":
      return {
        input: {
          ...common,
          organizationId: f("organizationId"),
          ...opt("instanceUrl", f("instanceUrl")),
          ...opt("accessToken", f("salesforceAccessToken")),
        },
        values,
      };
    default:
      return { input: common, values };
  }
}
