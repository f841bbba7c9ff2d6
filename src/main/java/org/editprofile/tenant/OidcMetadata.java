package org.editprofile.tenant;

import java.net.URI;
import java.util.Optional;

/** The parts of the tenant's discovery document the app uses, plus the raw JSON for MSAL4J. */
public record OidcMetadata(
    String rawJson,
    String issuer,
    URI jwksUri,
    Optional<URI> authorizationEndpoint,
    Optional<URI> endSessionEndpoint) {}
