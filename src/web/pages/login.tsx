import { Layout, Messages } from "./layout.js";

/** Sign-in: an API key, or a magic link by e-mail. Both forms carry a double-submit CSRF token. */
export function LoginPage(props: {
  csrf: string;
  next: string;
  error?: string | null;
  notice?: string | null;
}) {
  return (
    <Layout title="Sign in">
      <h1>Sign in to Debrief</h1>
      <Messages error={props.error} notice={props.notice} />
      <div class="grid">
        <section class="card" aria-labelledby="with-key">
          <h2 id="with-key">With an API key</h2>
          <form method="post" action="/login">
            <input type="hidden" name="csrf" value={props.csrf} />
            <input type="hidden" name="next" value={props.next} />
            <label for="key">API key</label>
            <input
              type="password"
              id="key"
              name="key"
              autocomplete="current-password"
              required
              aria-describedby="key-help"
            />
            <p id="key-help" class="muted">
              A key starting with <code>dbf_</code>. Revoking the key signs out every session made with it.
            </p>
            <button type="submit">Sign in</button>
          </form>
        </section>
        <section class="card" aria-labelledby="with-mail">
          <h2 id="with-mail">With a link by e-mail</h2>
          <form method="post" action="/login/magic">
            <input type="hidden" name="csrf" value={props.csrf} />
            <label for="email">E-mail address</label>
            <input type="email" id="email" name="email" autocomplete="email" required />
            <p class="muted">We send a link that signs you in once, within 15 minutes.</p>
            <button type="submit">E-mail me a link</button>
          </form>
        </section>
      </div>
    </Layout>
  );
}

/** The landing page of a magic link: a button, so mail scanners fetching the link don't use it up. */
export function MagicConfirmPage(props: { csrf: string; token: string }) {
  return (
    <Layout title="Sign in">
      <h1>Sign in to Debrief</h1>
      <form method="post" action="/login/magic/confirm" class="card">
        <input type="hidden" name="csrf" value={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <p>Continue to sign in with the link from your e-mail.</p>
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}
