import type { OidcProvider } from '../oidc/oidc-providers.ts';
import { type Html, html } from './html.ts';
import { plainPage } from './layout.ts';

/** What a browser without a session sees: a button per configured identity provider, then the link hint. */
export function signInChoicesPage(
  providers: readonly Pick<OidcProvider, 'id' | 'label'>[],
  hint: string,
): Html {
  return plainPage(
    'Please sign in',
    html`<h1>Please sign in</h1>
${
  providers.length > 0
    ? html`<ul class="sign-in-choices">${providers.map(
        (provider) =>
          html`<li><a class="button" href="/console/sign-in/${provider.id}">Sign in with ${provider.label}</a></li>`,
      )}</ul>
<p>${providers.length > 0 ? 'Or, without an account there: ' : ''}${hint}</p>`
    : html`<p>${hint}</p>`
}`,
  );
}
