/**
 * The Microsoft Graph client for /me, the editable profile fields and their rules, and the mapping
 * of Graph's errors. May import http, i18n and metrics.
 */
package org.editprofile.graph;
