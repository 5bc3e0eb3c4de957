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

/** The auth service's own sign-in page of the authorization-code flow (no script; works on any phone). */
export function loginPage(request: AuthorizeRequest, clientUrl: string, error?: string, email = ''): string {
  const t = TEXT[request.locale];
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
  return `<!doctype html>
<html lang="${request.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title><style>${STYLE}</style></head>
<body><main>
<h1>${t.title}</h1><p>${t.intro}</p>
${error ? `<p class="error" role="alert" id="error">${escape(error)}</p>` : ''}
<form method="post" action="/oauth/authorize" novalidate>
${Object.entries(hidden).map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`).join('\n')}
<label for="email">${t.email}</label>
<input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${escape(email)}"${error ? ' aria-invalid="true" aria-describedby="error"' : ''} autofocus>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128"${error ? ' aria-invalid="true" aria-describedby="error"' : ''}>
<button type="submit">${t.submit}</button>
</form>
<p class="links"><a href="${escape(clientUrl)}/forgot-password">${t.forgot}</a><a href="${escape(clientUrl)}/register">${t.register}</a></p>
</main></body></html>`;
}

/** Shown instead of redirecting when the client or its redirect address is not recognised. */
export function invalidRequestPage(locale: 'fr' | 'en'): string {
  const t = TEXT[locale];
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title><style>${STYLE}</style></head>
<body><main><h1>${t.title}</h1><p class="error" role="alert">${t.invalid}</p></main></body></html>`;
}
