/**
 * The token endpoint: who the client is (secret, certificate, federated assertion), the grants it
 * may use (authorization code with PKCE, refresh token, on-behalf-of) and the tokens issued.
 */
package org.editprofile.devtenant.grants;
