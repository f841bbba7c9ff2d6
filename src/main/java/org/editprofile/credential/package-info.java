/**
 * The app registrations' own credentials for MSAL4J: a secret, a certificate that follows its
 * files, a federated token file. Imports nothing else of the app's.
 */
package org.editprofile.credential;
