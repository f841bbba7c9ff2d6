/**
 * The local dev tenant: a test-scope emulator of a Microsoft Entra External ID tenant. {@link
 * org.editprofile.devtenant.DevTenant} starts it and is what tests talk to; {@link
 * org.editprofile.devtenant.Router} sends each request to its endpoint; the registrations, the
 * directory of users, the layout of host names, the signing keys and the faults a test can plant
 * live here. Subpackages: {@code grants} (the token endpoint, its grants and client
 * authentication), {@code pages} (authorize, the hosted sign-in and one-time-code pages, the
 * mailbox), {@code graph} (Graph's {@code /me}), {@code launch} (the run command's launchers and
 * the embedded servlet container the tests deploy the WAR on).
 */
package org.editprofile.devtenant;
