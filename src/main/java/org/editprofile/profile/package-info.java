/**
 * The profile pages' logic: the read, the MFA gate, validation and the write, each request answered
 * with a sealed ProfileOutcome. May import auth, session, tenant, graph, http, i18n and metrics.
 */
package org.editprofile.profile;
