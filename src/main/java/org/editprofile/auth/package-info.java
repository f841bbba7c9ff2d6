/**
 * The web app's sign-in: authorization requests (state, nonce, PKCE), the callback, ID token
 * verification, silent tokens and the step-up decision. Knows nothing of servlets; may import
 * session, tenant, graph, http, i18n and metrics.
 */
package org.editprofile.auth;
