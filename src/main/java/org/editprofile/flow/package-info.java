/**
 * The pages' logic, one plain class per use case: the profile read, the MFA gate, validation and
 * the write (EditProfileFlow), each request answered with a sealed outcome. May import auth,
 * session, tenant, graph, profile, http, i18n and metrics.
 */
package org.editprofile.flow;
