import type { Child } from "hono/jsx";
import type { WebUser } from "../session.js";

export type Section = "calls" | "upload" | "me" | "team" | "settings" | null;

/** Hidden CSRF field for a signed-in form; must come first in multipart forms. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="csrf" value={props.token} />;
}

/** The page frame: skip link, banner with navigation, main landmark. */
export function Layout(props: { title: string; user?: WebUser | null; section?: Section; children: Child }) {
  const { user } = props;
  const nav = (id: Exclude<Section, null>, href: string, label: string) => (
    <li>
      <a href={href} aria-current={props.section === id ? "page" : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Debrief`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/app.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <a class="brand" href={user ? "/calls" : "/login"}>
            Debrief
          </a>
          {user ? (
            <nav aria-label="Main">
              <ul>
                {nav("calls", "/calls", "Calls")}
                {nav("upload", "/calls/new", "Upload a call")}
                {user.actor.role === "rep"
                  ? nav("me", `/reps/${user.actor.userId}`, "My coaching")
                  : nav("team", "/team", "Team")}
                {user.actor.role === "admin" ? nav("settings", "/settings", "Settings") : null}
              </ul>
            </nav>
          ) : null}
          {user ? (
            <div class="who">
              <span>
                {user.name}{" "}
                <span>
                  ({user.actor.role}, {user.orgName})
                </span>
              </span>
              <form method="post" action="/logout">
                <CsrfField token={user.csrf} />
                <button type="submit">Sign out</button>
              </form>
            </div>
          ) : null}
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A page explaining an error (404, 403, CSRF refusal…). */
export function ErrorPage(props: { user?: WebUser | null; title: string; detail: string }) {
  return (
    <Layout title={props.title} user={props.user ?? null}>
      <h1>{props.title}</h1>
      <p>{props.detail}</p>
      <p>
        <a href={props.user ? "/calls" : "/login"}>{props.user ? "Back to calls" : "Sign in"}</a>
      </p>
    </Layout>
  );
}

/** An error (alert) and/or a notice (status) above a page's content. */
export function Messages(props: { error?: string | null | undefined; notice?: string | null | undefined }) {
  return (
    <>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
    </>
  );
}

/** A wide table's scroll box: focusable and named, so keyboard users can scroll it too. */
export function TableWrap(props: { label: string; children: Child }) {
  return (
    // A scrollable region must be reachable by keyboard (WCAG 2.1.1), hence the tabindex.
    <section class="table-wrap" tabindex={0} aria-label={props.label}>
      {props.children}
    </section>
  );
}

/** A column heading of {@link DataTable}: its label, and `num` for right-aligned figures. */
export type Column = string | { label: string; num: true };

/**
 * A captioned table in its scroll box, with one header row of column headings; rows are the children.
 *
 * @example
 * <DataTable label="People table" caption="People" columns={["Name", { label: "Calls", num: true }]}>
 *   {rows.map((r) => <tr><th scope="row">{r.name}</th><td class="num">{r.calls}</td></tr>)}
 * </DataTable>
 */
export function DataTable(props: {
  label: string;
  caption: Child;
  columns: readonly Column[];
  children: Child;
}) {
  return (
    <TableWrap label={props.label}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) =>
              typeof c === "string" ? (
                <th scope="col">{c}</th>
              ) : (
                <th scope="col" class="num">
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </TableWrap>
  );
}
