/**
 * The profile as the app knows it: the fields a customer may change and their rules (ProfileField),
 * a profile read (UserProfile), the changes a form asks for (ProfileChanges). Plain values with no
 * I/O, shared by the web app, the service and the Graph client. May import i18n only.
 */
package org.editprofile.profile;
