/**
 * One servlet per route, each turning a plain class's outcome into HTTP (a page, a redirect,
 * problem+json), and the one mapping from failures to pages (FailurePages).
 */
package org.editprofile.web.page;
