import type { ConnectionView } from "../../crm/connections.js";
import { CRM_VENDORS } from "../../db/schema/index.js";
import { type DeliveryView, type EndpointView, WEBHOOK_EVENT_TYPES } from "../../webhooks/endpoints.js";
import { when } from "../format.js";
import type { WebUser } from "../session.js";
import { CsrfField, DataTable, Layout, Messages } from "./layout.js";
import { SettingsNav } from "./settings.js";

/**
 * Admin settings for integrations: outbound webhook endpoints (secret shown once, events, delivery
 * log, replay) and CRM connections (receiver URL and generated credentials shown once).
 */

const VENDOR_LABEL = {
  hubspot: "HubSpot",
  pipedrive: "Pipedrive",
  salesforce: "Salesforce",
  generic: "Signed JSON (any system)",
} as const;
const DELIVERY_LABEL = { pending: "Pending", succeeded: "Delivered", failed: "Failed" } as const;
const DELIVERY_CLASS = { pending: "warn", succeeded: "good", failed: "bad" } as const;

function EventBoxes(props: { idPrefix: string; checked: readonly string[] | null }) {
  return (
    <fieldset>
      <legend>Events (none ticked: all of them)</legend>
      {WEBHOOK_EVENT_TYPES.map((t) => (
        <label class="check" for={`${props.idPrefix}-${t}`}>
          <input
            type="checkbox"
            id={`${props.idPrefix}-${t}`}
            name="events"
            value={t}
            checked={props.checked?.includes(t) ?? false}
          />{" "}
          {t}
        </label>
      ))}
    </fieldset>
  );
}

export function WebhooksPage(props: {
  user: WebUser;
  endpoints: EndpointView[];
  error?: string | null;
  notice?: string | null;
  created?: { url: string; secret: string } | null;
  values?: { url: string; events: string[] };
}) {
  const csrf = props.user.csrf;
  return (
    <Layout title="Webhooks" user={props.user} section="settings">
      <h1>Webhooks</h1>
      <SettingsNav current="webhooks" />
      <Messages error={props.error} notice={props.notice} />
      {props.created ? (
        <div class="card" role="status">
          <h2>Signing secret for {props.created.url}</h2>
          <p>Copy it now: it is shown only this once. Receivers verify each message's signature with it.</p>
          <p class="secret" id="new-secret">
            {props.created.secret}
          </p>
        </div>
      ) : null}
      <DataTable
        label="Webhook endpoints table"
        caption={props.endpoints.length === 0 ? "No webhook endpoints yet." : "Webhook endpoints"}
        columns={["URL", "Events", "State", "Created"]}
      >
        {props.endpoints.map((e) => (
          <tr>
            <th scope="row">
              <a href={`/settings/webhooks/${e.id}`}>{e.url}</a>
            </th>
            <td>{e.events ? e.events.join(", ") : "all"}</td>
            <td>
              {e.enabled ? (
                <span class={`badge ${e.failingSince ? "warn" : "good"}`}>
                  {e.failingSince ? `failing since ${when(e.failingSince)}` : "enabled"}
                </span>
              ) : (
                <span class="badge bad">disabled{e.disabledReason ? `: ${e.disabledReason}` : ""}</span>
              )}
            </td>
            <td>{when(e.createdAt)}</td>
          </tr>
        ))}
      </DataTable>
      <form method="post" action="/settings/webhooks" class="card" aria-labelledby="h-new-endpoint">
        <CsrfField token={csrf} />
        <h2 id="h-new-endpoint">Add an endpoint</h2>
        <label for="wh-url">Endpoint URL (https)</label>
        <input type="text" id="wh-url" name="url" required maxlength={2000} value={props.values?.url ?? ""} />
        <EventBoxes idPrefix="wh-new" checked={props.values?.events ?? null} />
        <p>
          <button type="submit">Add endpoint</button>
        </p>
      </form>
    </Layout>
  );
}

export function WebhookPage(props: {
  user: WebUser;
  endpoint: EndpointView;
  deliveries: DeliveryView[];
  error?: string | null;
  notice?: string | null;
}) {
  const { endpoint: e, user } = props;
  const csrf = user.csrf;
  return (
    <Layout title={`Webhook ${e.url}`} user={user} section="settings">
      <p>
        <a href="/settings/webhooks">← Webhooks</a>
      </p>
      <h1>Webhook endpoint</h1>
      <Messages error={props.error} notice={props.notice} />
      <form method="post" action={`/settings/webhooks/${e.id}`} class="card" aria-labelledby="h-edit">
        <CsrfField token={csrf} />
        <h2 id="h-edit">Edit</h2>
        <label for="wh-url">Endpoint URL (https)</label>
        <input type="text" id="wh-url" name="url" required maxlength={2000} value={e.url} />
        <EventBoxes idPrefix="wh-edit" checked={e.events} />
        <label class="check" for="wh-enabled">
          <input type="checkbox" id="wh-enabled" name="enabled" value="on" checked={e.enabled} /> Enabled
        </label>
        {e.disabledReason ? <p class="muted">Disabled: {e.disabledReason}</p> : null}
        <p>
          <button type="submit">Save endpoint</button>
        </p>
      </form>
      <form method="post" action={`/settings/webhooks/${e.id}/delete`} class="card">
        <CsrfField token={csrf} />
        <p>Deleting stops every delivery to this endpoint and removes its log.</p>
        <button type="submit" class="danger">
          Delete endpoint
        </button>
      </form>
      <section aria-labelledby="h-log">
        <h2 id="h-log">Delivery log</h2>
        <DataTable
          label="Deliveries table"
          caption={
            props.deliveries.length === 0 ? "Nothing was sent yet." : "Latest deliveries, newest first"
          }
          columns={["Event", "State", { label: "Attempts", num: true }, "Last answer", "Created", "Replay"]}
        >
          {props.deliveries.map((d) => (
            <tr>
              <th scope="row">
                <code>{d.eventType}</code> <span class="muted">{d.id}</span>
              </th>
              <td>
                <span class={`badge ${DELIVERY_CLASS[d.status]}`}>{DELIVERY_LABEL[d.status]}</span>
                {d.status === "pending" && d.nextAttemptAt ? (
                  <span class="muted"> next {when(d.nextAttemptAt)}</span>
                ) : null}
              </td>
              <td class="num">{d.attempts}</td>
              <td>
                {d.responseStatus != null ? `HTTP ${d.responseStatus}` : "–"}
                {d.durationMs != null ? ` in ${d.durationMs} ms` : ""}
                {d.lastError ? <span class="bad"> {d.lastError}</span> : null}
              </td>
              <td>{when(d.createdAt)}</td>
              <td>
                <form method="post" action={`/settings/webhooks/${e.id}/deliveries/${d.id}/replay`}>
                  <CsrfField token={csrf} />
                  <button type="submit" class="secondary" aria-label={`Replay ${d.eventType} ${d.id}`}>
                    Replay
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </Layout>
  );
}

/** The connection form's fields, echoed back after an error (never the secrets). */
export type ConnectionValues = Partial<
  Record<
    "vendor" | "name" | "portalId" | "companyId" | "companyDomain" | "organizationId" | "instanceUrl",
    string
  >
>;

function Field(props: {
  id: string;
  name: string;
  label: string;
  value?: string | undefined;
  secret?: boolean;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <input
        type={props.secret ? "password" : "text"}
        id={props.id}
        name={props.name}
        value={props.secret ? "" : (props.value ?? "")}
        autocomplete="off"
      />
    </div>
  );
}

export function CrmConnectionsPage(props: {
  user: WebUser;
  connections: ConnectionView[];
  error?: string | null;
  notice?: string | null;
  created?: { connection: ConnectionView; credentials: Record<string, string> } | null;
  values?: ConnectionValues;
}) {
  const csrf = props.user.csrf;
  const v = props.values ?? {};
  return (
    <Layout title="CRM connections" user={props.user} section="settings">
      <h1>CRM connections</h1>
      <SettingsNav current="crm" />
      <Messages error={props.error} notice={props.notice} />
      {props.created ? (
        <div class="card" role="status">
          <h2>Connected {VENDOR_LABEL[props.created.connection.vendor]}</h2>
          <p>Paste these at the vendor now: the credentials are shown only this once.</p>
          <dl>
            <dt>Webhook URL</dt>
            <dd class="secret" id="new-webhook-url">
              {props.created.connection.webhookUrl}
            </dd>
            {Object.entries(props.created.credentials).map(([k, val]) => (
              <>
                <dt>{k}</dt>
                <dd class="secret">{val}</dd>
              </>
            ))}
          </dl>
        </div>
      ) : null}
      <DataTable
        label="CRM connections table"
        caption={props.connections.length === 0 ? "No CRM connected yet." : "Connections"}
        columns={["Connection", "Webhook URL", "Write-back", "Created", "Delete"]}
      >
        {props.connections.map((c) => (
          <tr>
            <th scope="row">
              {c.name ?? VENDOR_LABEL[c.vendor]} <span class="muted">({VENDOR_LABEL[c.vendor]})</span>
            </th>
            <td>
              <code>{c.webhookUrl}</code>
            </td>
            <td>{c.writeBack ? "yes" : "no"}</td>
            <td>{when(c.createdAt)}</td>
            <td>
              <form method="post" action={`/settings/crm/${c.id}/delete`}>
                <CsrfField token={csrf} />
                <button type="submit" class="danger" aria-label={`Delete connection ${c.name ?? c.id}`}>
                  Delete
                </button>
              </form>
            </td>
          </tr>
        ))}
      </DataTable>
      <form method="post" action="/settings/crm" class="card" aria-labelledby="h-new-crm">
        <CsrfField token={csrf} />
        <h2 id="h-new-crm">Connect a CRM</h2>
        <p class="muted">Fill in the fields of the vendor you pick; the others are ignored.</p>
        <div class="row">
          <div>
            <label for="crm-vendor">Vendor</label>
            <select id="crm-vendor" name="vendor">
              {CRM_VENDORS.map((id) => (
                <option value={id} selected={v.vendor === id}>
                  {VENDOR_LABEL[id]}
                </option>
              ))}
            </select>
          </div>
          <Field id="crm-name" name="name" label="Name (optional)" value={v.name} />
          <div>
            <label class="check" for="crm-writeback">
              <input type="checkbox" id="crm-writeback" name="writeBack" value="on" /> Write call results back
            </label>
          </div>
        </div>
        <h3>HubSpot</h3>
        <div class="row">
          <Field id="crm-portal" name="portalId" label="Portal id" value={v.portalId} />
          <Field id="crm-client-secret" name="clientSecret" label="App client secret" secret />
          <Field id="crm-hs-token" name="hubspotAccessToken" label="Access token (write-back)" secret />
        </div>
        <h3>Pipedrive</h3>
        <div class="row">
          <Field id="crm-company" name="companyId" label="Company id" value={v.companyId} />
          <Field id="crm-domain" name="companyDomain" label="Company domain (acme)" value={v.companyDomain} />
          <Field id="crm-pd-token" name="apiToken" label="API token (write-back)" secret />
        </div>
        <h3>Salesforce</h3>
        <div class="row">
          <Field id="crm-org" name="organizationId" label="Organization id" value={v.organizationId} />
          <Field id="crm-instance" name="instanceUrl" label="Instance URL" value={v.instanceUrl} />
          <Field id="crm-sf-token" name="salesforceAccessToken" label="Access token (write-back)" secret />
        </div>
        <p>
          <button type="submit">Connect</button>
        </p>
      </form>
    </Layout>
  );
}
