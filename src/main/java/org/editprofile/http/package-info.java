/**
 * The outbound HTTP clients, the request's correlation id, problem+json and log-safe text, and the
 * base of every remote party's failure. Imports nothing else of the app's.
 */
package org.editprofile.http;
