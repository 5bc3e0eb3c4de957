import type { AuthorizeRequest } from './oauth.service.js';

const TEXT = {
  fr: {
    title: 'Connexion à Stages',
    intro: 'Connectez-vous pour continuer vers l’application.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    forgot: 'Mot de passe oublié ?',
    register: 'Créer un compte étudiant',
    invalid: 'Cette demande de connexion n’est pas valable. Revenez à l’application et réessayez.',
    wrongCredentials: 'Adresse e-mail ou mot de passe incorrect.',
    invalidCode: 'Ce code n’est pas valable.',
    expired: 'La connexion a expiré : recommencez.',
    tooMany: (minutes: number) => `Trop de tentatives échouées : réessayez dans ${minutes} minute(s).`,
    code: 'Code de vérification',
    codeHint: 'Les 6 chiffres de votre application d’authentification, ou un code de secours.',
    verify: 'Vérifier',
  },
  en: {
    title: 'Sign in to Stages',
    intro: 'Sign in to continue to the application.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    register: 'Create a student account',
    invalid: 'This sign-in request is not valid. Go back to the application and try again.',
    wrongCredentials: 'Incorrect e-mail address or password.',
    invalidCode: 'This code is not valid.',
    expired: 'The sign-in has expired: start again.',
    tooMany: (minutes: number) => `Too many failed attempts: try again in ${minutes} minute(s).`,
    code: 'Verification code',
    codeHint: 'The 6 digits of your authenticator app, or a recovery code.',
    verify: 'Verify',
  },
};

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f6fb;color:#1b1f29;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border:1px solid #d5dae6;border-radius:8px;padding:2rem;width:min(24rem,calc(100vw - 2rem));box-sizing:border-box}
h1{font-size:1.5rem;margin:0 0 .5rem}label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #8a93a8;border-radius:4px;font-size:1rem}
input:focus,button:focus,a:focus{outline:3px solid #f5b400;outline-offset:2px}
button{margin-top:1.5rem;width:100%;padding:.7rem;border:0;border-radius:4px;background:#1f3c99;color:#fff;font-size:1rem;font-weight:600;cursor:pointer}
.error{background:#fdecec;border:1px solid #c62828;color:#8e1b1b;padding:.75rem;border-radius:4px}
p.links{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap;margin:1.25rem 0 0}a{color:#1f3c99}`;

function layout(locale: 'fr' | 'en', body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TEXT[locale].title}</title><style>${STYLE}</style></head>
<body><main>
<h1>${TEXT[locale].title}</h1>
${body}
</main></body></html>`;
}

export type PageError = 'wrongCredentials' | 'invalidCode' | 'expired' | { tooManyMinutes: number };

/** The sign-in page's own wording of an error, in the page's language. */
export function pageErrorText(locale: 'fr' | 'en', error: PageError): string {
  const t = TEXT[locale];
  return typeof error === 'string' ? t[error] : t.tooMany(error.tooManyMinutes);
}

const errorBlock = (error?: string) => (error ? `<p class="error" role="alert" id="error">${escape(error)}</p>` : '');

function hiddenFields(request: AuthorizeRequest): string {
  const hidden = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    ui_locales: request.locale,
  };
  return Object.entries(hidden).map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`).join('\n');
}

/** Second step for accounts with two-factor sign-in: the ticket stands for the password already checked. */
export function secondFactorPage(request: AuthorizeRequest, ticket: string, error?: string): string {
  const t = TEXT[request.locale];
  return layout(
    request.locale,
    `${errorBlock(error)}
<form method="post" action="/oauth/authorize" novalidate>
${hiddenFields(request)}
<input type="hidden" name="second_factor_ticket" value="${escape(ticket)}">
<label for="code">${t.code}</label>
<p id="code-hint">${t.codeHint}</p>
<input id="code" name="code" autocomplete="one-time-code" autocapitalize="off" spellcheck="false" required maxlength="16" aria-describedby="code-hint${error ? ' error' : ''}"${error ? ' aria-invalid="true"' : ''} autofocus>
<button type="submit">${t.verify}</button>
</form>`,
  );
}

/** The auth service's own sign-in page of the authorization-code flow (no script; works on any phone). */
export function loginPage(request: AuthorizeRequest, clientUrl: string, error?: string, email = ''): string {
  const t = TEXT[request.locale];
  const invalid = error ? ' aria-invalid="true" aria-describedby="error"' : '';
  return layout(
    request.locale,
    `<p>${t.intro}</p>
${errorBlock(error)}
<form method="post" action="/oauth/authorize" novalidate>
${hiddenFields(request)}
<label for="email">${t.email}</label>
<input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${escape(email)}"${invalid} autofocus>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128"${invalid}>
<button type="submit">${t.submit}</button>
</form>
<p class="links"><a href="${escape(clientUrl)}/forgot-password">${t.forgot}</a><a href="${escape(clientUrl)}/register">${t.register}</a></p>`,
  );
}

/** Shown instead of redirecting when the client or its redirect address is not recognised. */
export function invalidRequestPage(locale: 'fr' | 'en'): string {
  return layout(locale, `<p class="error" role="alert">${TEXT[locale].invalid}</p>`);
}
