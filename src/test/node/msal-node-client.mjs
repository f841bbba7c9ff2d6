// Drives the dev tenant (Entra's layout) with Microsoft's msal-node, configured as Microsoft's
// Node sample configures it: authority https://<sub>.ciamlogin.com/ for the web app, and
// https://<sub>.ciamlogin.com/<tenant-id> for the API's on-behalf-of. The user's part at the
// tenant (sign-in page, one-time code) is played over HTTP. Prints one JSON object of what each
// step observed; MsalNodeIT asserts on it.
import { createRequire } from 'node:module';

const require = createRequire(process.env.MSAL_NODE_DIR + '/package.json');
const msal = require('@azure/msal-node');

const env = process.env;
const tenantId = env.TENANT_ID;
const authority = `https://${env.SUBDOMAIN}.ciamlogin.com/`;
const redirectUri = 'http://localhost:3000/auth/redirect';
const serviceScope = `api://${env.SERVICE_CLIENT_ID}/EditProfileService.ReadWrite`;
const results = {};

// ---- a minimal browser: one cookie jar, no automatic redirects ----
const cookies = new Map();
async function browse(url, options = {}) {
  const headers = { ...(options.headers || {}) };
  if (cookies.size) {
    headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  const response = await fetch(url, { ...options, headers, redirect: 'manual' });
  for (const cookie of response.headers.getSetCookie()) {
    const pair = cookie.split(';')[0];
    const eq = pair.indexOf('=');
    cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return response;
}
function field(html, name) {
  const match = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
  return match && match[1];
}
async function post(base, html, action, values) {
  const path = html.match(new RegExp(`action="([^"]*${action})"`))[1];
  return browse(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ tx: field(html, 'tx'), ...values }).toString(),
  });
}
function codeFrom(response) {
  if (response.status !== 302) {
    throw new Error(`expected the redirect to the app, got HTTP ${response.status}`);
  }
  const location = new URL(response.headers.get('location'));
  if (location.searchParams.get('error')) {
    throw new Error(`authorize answered ${location.searchParams.get('error')}`);
  }
  return location.searchParams.get('code');
}
function claimsOf(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
}

// msal-node 7 checks the discovery document's issuer against the authority. External ID's issuer
// is on the tenant-id host (https://<tenant-id>.ciamlogin.com/<tenant-id>/v2.0), which msal-common
// accepts for a name-based CIAM authority only when that host is in knownAuthorities (its rule 5,
// documented in msal-common's Authority.validateIssuer for exactly this case).
const knownAuthorities = [`${tenantId}.ciamlogin.com`];

// msal-node's own log goes to stderr, which the test shows when a step fails.
const system = {
  loggerOptions: {
    logLevel: msal.LogLevel.Verbose,
    piiLoggingEnabled: false,
    loggerCallback: (level, message) => process.stderr.write(message + '\n'),
  },
};

try {
  const web = new msal.ConfidentialClientApplication({
    auth: {
      clientId: env.NODE_CLIENT_ID,
      authority,
      clientSecret: env.NODE_CLIENT_SECRET,
      knownAuthorities,
      // Declares that this client can answer claims challenges (Continuous Access Evaluation).
      clientCapabilities: ['cp1'],
    },
    system,
  });
  const crypto = new msal.CryptoProvider();

  // 1. Authorization code with PKCE.
  const pkce = await crypto.generatePkceCodes();
  const authorizeUrl = await web.getAuthCodeUrl({
    scopes: ['User.Read'],
    redirectUri,
    codeChallenge: pkce.challenge,
    codeChallengeMethod: 'S256',
    responseMode: msal.ResponseMode.QUERY,
    state: 'node-state',
  });
  results.authorizeEndpoint = authorizeUrl.split('?')[0];
  let page = await browse(authorizeUrl);
  let html = await page.text();
  const code = codeFrom(
    await post(authorizeUrl, html, '/login', { email: env.USER_EMAIL, password: env.USER_PASSWORD })
  );
  const signedIn = await web.acquireTokenByCode({
    code,
    scopes: ['User.Read'],
    redirectUri,
    codeVerifier: pkce.verifier,
  });
  results.homeAccountId = signedIn.account.homeAccountId;
  results.idTokenIssuer = signedIn.idTokenClaims.iss;
  results.idTokenHasEmail = 'email' in signedIn.idTokenClaims;

  // 2. Silent refresh with the refresh token.
  const refreshed = await web.acquireTokenSilent({
    account: signedIn.account,
    scopes: ['User.Read'],
    forceRefresh: true,
  });
  results.refreshed = refreshed.accessToken !== signedIn.accessToken;

  // 3. The MFA step-up's shape: the silent call for the protected API needs the user.
  let claims;
  try {
    await web.acquireTokenSilent({ account: signedIn.account, scopes: [serviceScope] });
    results.stepUpError = 'none';
  } catch (e) {
    results.stepUpError = e instanceof msal.InteractionRequiredAuthError ? 'InteractionRequiredAuthError' : e.name;
    results.stepUpErrorCode = e.errorCode;
    claims = e.claims;
    results.stepUpClaims = claims;
  }

  // 4. The step-up itself: authorize with those claims, the one-time code, then the API token.
  const pkce2 = await crypto.generatePkceCodes();
  const stepUpUrl = await web.getAuthCodeUrl({
    scopes: [serviceScope],
    claims,
    redirectUri,
    codeChallenge: pkce2.challenge,
    codeChallengeMethod: 'S256',
    responseMode: msal.ResponseMode.QUERY,
    state: 'node-step-up',
  });
  page = await browse(stepUpUrl);
  html = await page.text();
  results.askedForOneTimeCode = html.includes('name="otc"');
  const mailbox = await fetch(
    new URL(`/_dev/mailbox/latest?email=${encodeURIComponent(env.USER_EMAIL)}`, stepUpUrl)
  );
  const otc = (await mailbox.json()).code;
  const stepUpCode = codeFrom(await post(stepUpUrl, html, '/mfa', { otc }));
  const apiToken = await web.acquireTokenByCode({
    code: stepUpCode,
    scopes: [serviceScope],
    redirectUri,
    codeVerifier: pkce2.verifier,
  });
  const apiClaims = claimsOf(apiToken.accessToken);
  results.apiTokenVersion = apiClaims.ver;
  results.apiTokenAudience = apiClaims.aud;
  results.apiTokenClientCapabilities = apiClaims.xms_cc || [];

  // 4b. Step-up by authentication context: a claims request for c1, whose policy asks for the MFA
  // this tenant session has already done, so the code comes back without a page; the ID token and
  // the API's access token name the context in acrs.
  const contextClaims = JSON.stringify({
    id_token: { acrs: { essential: true, value: 'c1' } },
    access_token: { acrs: { essential: true, value: 'c1' } },
  });
  const pkce3 = await crypto.generatePkceCodes();
  const contextUrl = await web.getAuthCodeUrl({
    scopes: [serviceScope],
    claims: contextClaims,
    redirectUri,
    codeChallenge: pkce3.challenge,
    codeChallengeMethod: 'S256',
    responseMode: msal.ResponseMode.QUERY,
    state: 'node-context',
  });
  const contextToken = await web.acquireTokenByCode({
    code: codeFrom(await browse(contextUrl)),
    scopes: [serviceScope],
    redirectUri,
    codeVerifier: pkce3.verifier,
  });
  results.contextIdTokenAcrs = contextToken.idTokenClaims.acrs || [];
  results.contextAccessTokenAcrs = claimsOf(contextToken.accessToken).acrs || [];

  // 5. On-behalf-of, as the sample's API does it, then Graph with the result.
  const api = new msal.ConfidentialClientApplication({
    auth: {
      clientId: env.SERVICE_CLIENT_ID,
      authority: `https://${env.SUBDOMAIN}.ciamlogin.com/${tenantId}`,
      clientSecret: env.SERVICE_CLIENT_SECRET,
      knownAuthorities,
    },
    system,
  });
  const obo = await api.acquireTokenOnBehalfOf({
    oboAssertion: apiToken.accessToken,
    scopes: ['https://graph.microsoft.com/User.ReadWrite'],
  });
  const patch = await fetch('https://graph.microsoft.com/v1.0/me', {
    method: 'PATCH',
    headers: { authorization: `Bearer ${obo.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ jobTitle: 'Set through msal-node' }),
  });
  results.graphPatchStatus = patch.status;

  // 6. What the sample fetches and where it signs out.
  const tenantBase = `${authority}${env.SUBDOMAIN}.onmicrosoft.com`;
  const discovery = await fetch(`${tenantBase}/v2.0/.well-known/openid-configuration`);
  results.discoveryStatus = discovery.status;
  results.discoveryIssuer = (await discovery.json()).issuer;
  const logout = await browse(
    `${tenantBase}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('http://localhost:3000/')}`
  );
  results.logoutStatus = logout.status;
  results.logoutLocation = logout.headers.get('location');
  console.log(JSON.stringify(results));
} catch (e) {
  results.failure = `${e.name}: ${e.errorCode || ''} ${e.message}`;
  console.log(JSON.stringify(results));
  process.exit(1);
}
