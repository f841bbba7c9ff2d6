package org.editprofile;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Tokens signed the way Entra signs them (RS256, the key's id in the header), for unit tests. */
public final class TestJwts {

  private TestJwts() {}

  public static String sign(JWTClaimsSet claims, RSAKey with) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(with));
    return jwt.serialize();
  }
}
