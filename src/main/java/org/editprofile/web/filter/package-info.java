/**
 * Filters every request passes: correlation id, language, security headers, body size, the not-
 * configured page, the session's lifetime, CSRF, sign-in, and the store-down page.
 */
package org.editprofile.web.filter;
