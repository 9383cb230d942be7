import { type Html, html } from './html.ts';
import { plainPage } from './layout.ts';

/** What a one-time link opens: who it signs in, and the button that does (and spends the link). */
export function signInPage(options: { token: string; email: string; organization: string }): Html {
  return plainPage(
    'Sign in',
    html`<h1>Sign in to the Earshot console</h1>
<p>This link signs in <strong>${options.email}</strong> to <strong>${options.organization}</strong>. It works once.</p>
<form method="post" action="/console/sign-in">
  <input type="hidden" name="token" value="${options.token}">
  <button type="submit">Sign in</button>
</form>`,
  );
}
