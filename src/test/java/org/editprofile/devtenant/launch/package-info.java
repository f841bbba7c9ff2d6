/**
 * Starting things: the dev tenant on its own ({@code DevServer}), the run command's launcher (dev
 * tenant plus the WAR, {@code DevTenantMain}), the embedded Tomcat the integration tests deploy the
 * WAR on, and an external OpenID issuer for federated credentials.
 */
package org.editprofile.devtenant.launch;
