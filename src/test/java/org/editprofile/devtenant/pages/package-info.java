/**
 * What a browser sees of the tenant: authorize, sign-in, sign-up and the email one-time code, the
 * tenant's sign-in session, logout, and the mailbox where the codes arrive; in the app's languages.
 */
package org.editprofile.devtenant.pages;
