package org.cyberreport.kit.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens shaped like Keycloak's, signed by a test key whose public half {@link JwksServer} publishes,
 * so that the services' real decoder checks signature, issuer, audience and expiry.
 */
public final class TestTokens {

    public static final String ISSUER = "http://issuer.test/realms/cyberreport";
    public static final String AUDIENCE = "cyberreport-api";

    private static final RSAKey KEY = generate();
    private static final RSAKey OTHER_KEY = generate();

    private TestTokens() {
    }

    public static String jwks() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    public static String reporter(String country, String unit) {
        return user("reporter-" + country + "-" + unit, List.of("reporter"), country, unit);
    }

    public static String triageOfficer(String country) {
        return user("triage-" + country, List.of("triage-officer"), country, null);
    }

    public static String liaison(String country) {
        return user("liaison-" + country, List.of("liaison"), country, null);
    }

    public static String user(String username, List<String> roles, String country, String unit) {
        return sign(KEY, claims(username, roles, country, unit, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5))));
    }

    public static String expired(String country, String unit) {
        return sign(KEY, claims("late", List.of("reporter"), country, unit, ISSUER, AUDIENCE,
                Instant.now().minus(Duration.ofMinutes(10))));
    }

    public static String fromIssuer(String issuer) {
        return sign(KEY, claims("stranger", List.of("reporter"), "MA", "u1", issuer, AUDIENCE, inFiveMinutes()));
    }

    public static String forAudience(String audience) {
        return sign(KEY, claims("stranger", List.of("reporter"), "MA", "u1", ISSUER, audience, inFiveMinutes()));
    }

    public static String signedByAnotherKey() {
        return sign(OTHER_KEY, claims("forger", List.of("reporter"), "MA", "u1", ISSUER, AUDIENCE, inFiveMinutes()));
    }

    public static String unsigned() {
        return new PlainJWT(claims("nobody", List.of("reporter"), "MA", "u1", ISSUER, AUDIENCE, inFiveMinutes())).serialize();
    }

    public static String hs256() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                    claims("mac", List.of("reporter"), "MA", "u1", ISSUER, AUDIENCE, inFiveMinutes()));
            jwt.sign(new MACSigner("an-hmac-secret-of-at-least-thirty-two-bytes!"));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every kind of token that must be refused with 401, by name: none, garbage, expired, another
     * issuer, another audience, unsigned ({@code alg: none}), HMAC-signed, and signed by an unknown key.
     */
    public static Map<String, String> rejected() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("garbage", "not-a-jwt");
        tokens.put("expired", expired("MA", "casablanca-cyber"));
        tokens.put("another issuer", fromIssuer("http://evil.test/realms/cyberreport"));
        tokens.put("another audience", forAudience("some-other-api"));
        tokens.put("alg none", unsigned());
        tokens.put("HS256", hs256());
        tokens.put("signed by an unknown key", signedByAnotherKey());
        return tokens;
    }

    private static Instant inFiveMinutes() {
        return Instant.now().plus(Duration.ofMinutes(5));
    }

    private static JWTClaimsSet claims(String username, List<String> roles, String country, String unit, String issuer,
                                       String audience, Instant expiry) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .issuer(issuer)
                .audience(List.of(audience, "account"))
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(expiry))
                .claim("preferred_username", username)
                .claim("email", username + "@example.test")
                .claim("azp", "cyberreport-cli")
                .claim("realm_access", Map.of("roles", roles));
        if (country != null) {
            claims.claim("country", country);
        }
        if (unit != null) {
            claims.claim("unit", unit);
        }
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
