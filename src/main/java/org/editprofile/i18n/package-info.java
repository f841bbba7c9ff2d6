/**
 * The shipped languages, their texts, and a message as a key and its arguments, put into words only
 * when a page's language is known. Imports nothing else of the app's.
 */
package org.editprofile.i18n;
