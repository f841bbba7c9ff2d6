/**
 * The Microsoft Graph client for /me and the mapping of Graph's errors. May import profile, http,
 * i18n and metrics.
 */
package org.editprofile.graph;
