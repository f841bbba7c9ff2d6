/**
 * What the web app and the service need from the tenant: the discovery document, its signing keys,
 * MSAL4J clients and what their answers mean (MsalCalls). May import credential, http and metrics.
 */
package org.editprofile.tenant;
