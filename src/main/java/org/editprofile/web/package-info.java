/**
 * The servlet layer: one servlet per route turning a plain class's outcome into HTTP, the filters,
 * the session and cookie adapters, the shared session store and the views' helpers. May import
 * every package but service.
 */
package org.editprofile.web;
