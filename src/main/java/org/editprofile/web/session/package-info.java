/**
 * The server session and what the browser keeps for it: the HttpSession adapter, pending sign- ins
 * in sealed cookies, the shared Redis store (Spring Session, its write-saving layer and its value
 * allow-list) and the active-sessions count.
 */
package org.editprofile.web.session;
