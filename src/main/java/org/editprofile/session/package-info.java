/**
 * Everything the app keeps about one browser, behind the typed UserSession: the server session's
 * values through SessionStore, pending sign-ins through PendingSignInStore. May import i18n only.
 */
package org.editprofile.session;
