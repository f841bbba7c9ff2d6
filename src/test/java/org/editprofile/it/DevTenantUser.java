package org.editprofile.it;

/** A customer of the dev tenant, with what its sign-in page asks for. */
public record DevTenantUser(String email, String password, String oid) {}
