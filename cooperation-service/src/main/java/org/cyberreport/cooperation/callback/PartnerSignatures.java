package org.cyberreport.cooperation.callback;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.cyberreport.cooperation.config.CooperationProperties;
import org.cyberreport.cooperation.directory.DirectoryEntry;
import org.cyberreport.cooperation.directory.DirectoryStore;
import org.cyberreport.cooperation.forwarding.MessageSignatures;
import org.cyberreport.cooperation.forwarding.MessageSignatures.SignatureRejected;
import org.cyberreport.cooperation.forwarding.SigningKeys;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a partner country's system sends without a token (callbacks, hit/no-hit queries) is signed
 * (RFC 9421) by the key the directory holds for that country, over method, path, body digest and
 * content type, made within the freshness window, with a nonce never seen before. A refusal reads the
 * same whether or not the country has a key and whatever key id the signature names.
 */
@Component
public class PartnerSignatures {

    public static final List<String> REQUIRED = List.of("@method", "@path", "content-digest", "content-type");
    static final String NONCES = "callback_nonces";

    private final DirectoryStore directory;
    private final MongoTemplate template;
    private final CooperationProperties properties;
    private final Clock clock;

    PartnerSignatures(DirectoryStore directory, MongoTemplate template, CooperationProperties properties, Clock clock) {
        this.directory = directory;
        this.template = template;
        this.properties = properties;
        this.clock = clock;
        // forgetting old nonces reads them by age
        template.indexOps(NONCES).createIndex(new Index().on("at", Sort.Direction.ASC).named("at"));
    }

    /** Verifies the partner's signature and spends its nonce; a {@code 401} problem otherwise. */
    public MessageSignatures.Verified verify(String country, HttpServletRequest http, byte[] body, String signatureInput,
                                             String signature, String contentDigest) {
        Optional<DirectoryEntry> partner = directory.find(country).filter(entry -> entry.partnerPublicKey() != null);
        Instant now = clock.instant();
        MessageSignatures.Verified verified;
        try {
            // the target as the signer named it: this request's URL as the proxies in front of it saw it
            URI target = URI.create(http.getRequestURL().toString());
            verified = MessageSignatures.verify(REQUIRED, MessageSignatures.values("POST", target, http.getContentType(), body),
                    signatureInput, signature, contentDigest,
                    keyId -> partner.filter(entry -> keyId.equals(entry.partnerKeyId()))
                            .map(entry -> SigningKeys.publicKey(entry.partnerPublicKey())).orElse(NO_PARTNER_KEY),
                    now, properties.callbackWindow());
        } catch (SignatureRejected rejected) {
            throw new ProblemException(ProblemKind.UNAUTHENTICATED, "Signature refused: " + rejected.getMessage());
        }
        rememberNonce(country, verified, now);
        return verified;
    }

    /** A nonce is accepted once; nonces older than twice the window are forgotten. */
    private void rememberNonce(String country, MessageSignatures.Verified verified, Instant now) {
        try {
            template.insert(new Document("_id", country + ":" + verified.keyId() + ":" + verified.nonce())
                    .append("at", Date.from(now)), NONCES);
        } catch (DuplicateKeyException replay) {
            throw new ProblemException(ProblemKind.UNAUTHENTICATED, "Signature refused: the nonce was already used");
        }
        template.remove(new Query(Criteria.where("at").lt(Date.from(now.minus(properties.callbackWindow().multipliedBy(2))))),
                NONCES);
    }

    /**
     * Stands in for the key of a country that has none, and for a key id the country does not use: the
     * signature is then checked to the end and fails like any bad signature, so a refusal never tells
     * whether, or under which id, a country has a partner key.
     */
    private static final PublicKey NO_PARTNER_KEY = unusedKey();

    private static PublicKey unusedKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("Ed25519 is not available", unavailable);
        }
    }
}
