/**
 * The edit profile service: bearer token checks, the on-behalf-of exchange and the Graph write
 * behind POST /api/updateUserInfo. Never imports auth, profile, session or web.
 */
package org.editprofile.service;
