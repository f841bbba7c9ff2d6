/** Microsoft Graph's {@code /me} as the app uses it: read with {@code $select}, and PATCH. */
package org.editprofile.devtenant.graph;
