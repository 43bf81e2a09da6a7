import type { KeyInfo } from "../../admin/operations.js";
import type { PlaybookIssue } from "../../coaching/playbook/parse.js";
import type { User } from "../../db/schema/index.js";
import { USER_ROLES } from "../../db/schema/index.js";
import type { PlaybookEntry } from "../../playbooks/store.js";
import { when } from "../format.js";
import type { WebUser } from "../session.js";
import { CsrfField, DataTable, Layout, Messages } from "./layout.js";

/** The settings sections, as links (the current one marked). */
export function SettingsNav(props: { current: "users" | "playbooks" | "webhooks" | "crm" }) {
  const link = (id: typeof props.current, href: string, label: string) => (
    <a href={href} aria-current={props.current === id ? "page" : undefined}>
      {label}
    </a>
  );
  return (
    <nav aria-label="Settings">
      <p class="row">
        {link("users", "/settings/users", "Users and keys")}
        {link("playbooks", "/settings/playbooks", "Playbooks")}
        {link("webhooks", "/settings/webhooks", "Webhooks")}
        {link("crm", "/settings/crm", "CRM connections")}
      </p>
    </nav>
  );
}

export function UsersPage(props: {
  user: WebUser;
  users: User[];
  keys: KeyInfo[];
  error?: string | null;
  notice?: string | null;
  createdKey?: { key: string; name: string; owner: string } | null;
}) {
  const csrf = props.user.csrf;
  return (
    <Layout title="Users and keys" user={props.user} section="settings">
      <h1>Users and keys</h1>
      <SettingsNav current="users" />
      <Messages error={props.error} notice={props.notice} />
      {props.createdKey ? (
        <div class="card" role="status">
          <h2>New key for {props.createdKey.owner}</h2>
          <p>Copy it now: it is shown only this once.</p>
          <p class="secret" id="new-key">
            {props.createdKey.key}
          </p>
        </div>
      ) : null}
      <DataTable
        label="People table"
        caption={`People in ${props.user.orgName}`}
        columns={["Name", "E-mail", "Role", "API keys"]}
      >
        {props.users.map((u) => (
          <tr>
            <th scope="row">{u.name}</th>
            <td>{u.email}</td>
            <td>{u.role}</td>
            <td>
              <ul class="checklist">
                {props.keys
                  .filter((k) => k.userId === u.id)
                  .map((k) => (
                    <li>
                      <code>{k.start}…</code> {k.name}{" "}
                      <span class="muted">
                        created {when(k.createdAt)}
                        {k.lastUsedAt ? `, last used ${when(k.lastUsedAt)}` : ""}
                      </span>{" "}
                      {k.revokedAt ? (
                        <span class="badge bad">revoked</span>
                      ) : (
                        <form method="post" action={`/settings/keys/${k.id}/revoke`}>
                          <CsrfField token={csrf} />
                          <button
                            type="submit"
                            class="danger"
                            aria-label={`Revoke key ${k.start} of ${u.name}`}
                          >
                            Revoke
                          </button>
                        </form>
                      )}
                    </li>
                  ))}
              </ul>
            </td>
          </tr>
        ))}
      </DataTable>
      <div class="grid">
        <form method="post" action="/settings/users" class="card" aria-labelledby="h-new-user">
          <h2 id="h-new-user">Add a person</h2>
          <CsrfField token={csrf} />
          <label for="nu-name">Name</label>
          <input type="text" id="nu-name" name="name" required maxlength={200} />
          <label for="nu-email">E-mail</label>
          <input type="email" id="nu-email" name="email" required />
          <label for="nu-role">Role</label>
          <select id="nu-role" name="role">
            {USER_ROLES.map((r) => (
              <option value={r} selected={r === "rep"}>
                {r}
              </option>
            ))}
          </select>
          <p>
            <button type="submit">Add</button>
          </p>
        </form>
        <form method="post" action="/settings/keys" class="card" aria-labelledby="h-new-key">
          <h2 id="h-new-key">Create an API key</h2>
          <CsrfField token={csrf} />
          <label for="nk-user">For</label>
          <select id="nk-user" name="userId">
            {props.users.map((u) => (
              <option value={u.id}>{`${u.name} (${u.role})`}</option>
            ))}
          </select>
          <label for="nk-name">Key name</label>
          <input type="text" id="nk-name" name="name" required maxlength={100} placeholder="e.g. laptop" />
          <p>
            <button type="submit">Create key</button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

export function PlaybooksPage(props: { user: WebUser; playbooks: PlaybookEntry[]; notice?: string | null }) {
  return (
    <Layout title="Playbooks" user={props.user} section="settings">
      <h1>Playbooks</h1>
      <SettingsNav current="playbooks" />
      <Messages notice={props.notice} />
      <DataTable
        label="Playbooks table"
        caption="Playbooks calls are judged against"
        columns={["Playbook", "Id", "Stage", "Version", "Items", "Origin"]}
      >
        {props.playbooks.map((p) => (
          <tr>
            <th scope="row">
              <a href={`/settings/playbooks/${p.id}`}>{p.name}</a>
              {p.isDefault ? <span class="badge good"> default</span> : null}
            </th>
            <td>
              <code>{p.id}</code>
            </td>
            <td>{p.stage}</td>
            <td>{p.version}</td>
            <td class="num">{p.definition.items.length}</td>
            <td>{p.builtin ? "built in" : "this organization"}</td>
          </tr>
        ))}
      </DataTable>
      <p>
        <a class="button" href="/settings/playbooks/new">
          New playbook
        </a>
      </p>
    </Layout>
  );
}

/** The playbook editor: YAML in a textarea; validation errors listed with their line, and the lines shown. */
export function PlaybookEditPage(props: {
  user: WebUser;
  slug: string | null;
  text: string;
  builtin: boolean;
  issues?: PlaybookIssue[] | null;
  error?: string | null;
  notice?: string | null;
}) {
  const issues = props.issues ?? [];
  const badLines = new Set(issues.map((i) => i.line).filter((l): l is number => l !== undefined));
  const action = props.slug ? `/settings/playbooks/${props.slug}` : "/settings/playbooks";
  return (
    <Layout
      title={props.slug ? `Playbook ${props.slug}` : "New playbook"}
      user={props.user}
      section="settings"
    >
      <p>
        <a href="/settings/playbooks">← Playbooks</a>
      </p>
      <h1>{props.slug ? `Playbook ${props.slug}` : "New playbook"}</h1>
      <Messages error={props.error} notice={props.notice} />
      {props.builtin ? (
        <p class="muted">This is a built-in playbook: saving it makes this organization's own copy.</p>
      ) : null}
      {issues.length ? (
        <div class="error" role="alert" id="pb-errors" tabindex={-1}>
          <p>The playbook was not saved:</p>
          <ul>
            {issues.map((i) => (
              <li>
                {i.line ? <a href={`#line-${i.line}`}>{`Line ${i.line}`}</a> : "Document"}
                {i.path ? `, ${i.path}` : ""}: {i.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={action} class="card editor">
        <CsrfField token={props.user.csrf} />
        <label for="pb-text">Definition (YAML or JSON)</label>
        <textarea
          id="pb-text"
          name="text"
          rows={24}
          spellcheck={false}
          aria-describedby={issues.length ? "pb-errors pb-help" : "pb-help"}
          aria-invalid={issues.length ? "true" : undefined}
        >
          {props.text}
        </textarea>
        <p id="pb-help" class="muted">
          Fields: id, name, version, stage, items (id, title, description, why, examples, signals). The id
          must stay the same when you edit.
        </p>
        <p>
          <button type="submit">Save playbook</button>
        </p>
      </form>
      {issues.length ? (
        <section aria-labelledby="h-lines">
          <h2 id="h-lines">Your text, with the lines in error marked</h2>
          <ol class="lines">
            {props.text.split("\n").map((l, i) => (
              <li id={`line-${i + 1}`} class={badLines.has(i + 1) ? "bad" : undefined}>
                {l || " "}
                {badLines.has(i + 1) ? <span class="sr-only"> (error on this line)</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </Layout>
  );
}
