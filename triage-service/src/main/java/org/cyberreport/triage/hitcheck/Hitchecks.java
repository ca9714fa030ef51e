package org.cyberreport.triage.hitcheck;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.casework.SetAsideIdentifier;
import org.cyberreport.triage.correlation.Indicators;

/**
 * Hit/no-hit with a partner's platform (RFC 9497's OPRF, P256-SHA256), both sides.
 * <p>
 * Asking: the identifier is normalised as correlation does; each of its keys is blinded (a fresh random
 * scalar) and only the blinded element leaves; the partner applies its key and returns it with its
 * table; here the blind is taken off, giving {@code F(k, key)}, whose tag is looked for in the table and
 * whose seal opens the partner's reference of a match. The partner sees a random point; this side sees
 * tags it cannot compute for any other identifier (that takes the partner's key).
 * <p>
 * Holding: a partner's blinded elements get the key applied, and the table goes back whole.
 */
public class Hitchecks {

    static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Indicators indicators;
    private final HitTable table;
    private final HolderKey key;
    private final PartnerPlatforms partners;
    private final AuditTrail audit;
    private final int maxIdentifiers;

    Hitchecks(Indicators indicators, HitTable table, HolderKey key, PartnerPlatforms partners, AuditTrail audit,
              int maxIdentifiers) {
        this.indicators = indicators;
        this.table = table;
        this.key = key;
        this.partners = partners;
        this.audit = audit;
        this.maxIdentifiers = maxIdentifiers;
    }

    /** What the holder answers: the evaluated elements, in order, and the table. */
    public record Evaluation(List<String> evaluated, List<HitTable.Entry> entries) {
    }

    public Evaluation evaluate(List<String> blinded) {
        if (blinded.isEmpty() || blinded.size() > maxIdentifiers) {
            throw new ProblemException(ProblemKind.VALIDATION_FAILED,
                    "A query carries between 1 and " + maxIdentifiers + " blinded identifiers");
        }
        List<String> evaluated = new ArrayList<>();
        for (int i = 0; i < blinded.size(); i++) {
            try {
                evaluated.add(ENCODER.encodeToString(Oprf.blindEvaluate(key.scalar(), DECODER.decode(blinded.get(i)))));
            } catch (IllegalArgumentException notAPoint) {
                throw new ProblemException(ProblemKind.UNPROCESSABLE, "A blinded identifier is not a point of P-256",
                        List.of(new FieldViolation("blinded[" + i + "]", "is not a compressed point of P-256 other than the identity")));
            }
        }
        table.updateIfIdle();
        return new Evaluation(evaluated, table.entries());
    }

    /** One of the identifier's keys: whether the partner holds it, and its reference when it does. */
    public record Result(String identifier, boolean hit, List<String> references) {
    }

    public record Answer(String partner, String type, List<Result> identifiers, List<SetAsideIdentifier> setAside,
                         int partnerTableSize, Map<String, Object> followUp) {
    }

    public Answer ask(Caller caller, String partner, String type, String value, String chain, String platform, String purpose) {
        if (!caller.hasCountry()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The caller's token carries no country");
        }
        if (partner.equals(caller.country())) {
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, "A hit/no-hit query goes to another country's platform",
                    List.of(new FieldViolation("partner", "is the caller's own country")));
        }
        Indicators.Found derived = indicators.of(type, value, chain, platform);
        if (derived.keys().isEmpty()) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, derived.setAside().isEmpty()
                    ? "The value cannot be read as " + type
                    : "The identifier is shared infrastructure (a warning list names it): it links nothing and is not asked about",
                    List.of(new FieldViolation("value", derived.setAside().isEmpty()
                            ? "is not a " + type + " that reports could name" : "is on a warning list")));
        }
        List<String> keys = List.copyOf(new TreeSet<>(derived.keys()));
        if (keys.size() > maxIdentifiers) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "The identifier yields too many keys to ask about at once");
        }
        List<Oprf.Blinded> blinds = new ArrayList<>(keys.stream().map(k -> Oprf.blind(k.getBytes(StandardCharsets.UTF_8))).toList());
        // every query carries as many elements (random points beyond the identifier's keys), so that its size tells
        // the partner nothing of the kind of identifier asked about
        while (blinds.size() < maxIdentifiers) {
            byte[] noise = new byte[32];
            RANDOM.nextBytes(noise);
            blinds.add(Oprf.blind(noise));
        }
        PartnerPlatforms.Reply reply = partners.ask(partner, blinds.stream().map(b -> ENCODER.encodeToString(b.element())).toList());
        if (reply == null || reply.evaluated() == null || reply.evaluated().size() != blinds.size()) {
            throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE, "The partner's answer could not be read");
        }
        List<HitTable.Entry> entries = reply.entries() == null ? List.of() : reply.entries();
        Map<String, List<HitTable.Entry>> byTag = new TreeMap<>();
        entries.stream().filter(entry -> entry != null && entry.tag() != null && entry.sealed() != null)
                .forEach(entry -> byTag.computeIfAbsent(entry.tag(), t -> new ArrayList<>()).add(entry));
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            byte[] output;
            try {
                output = Oprf.finalize(keys.get(i).getBytes(StandardCharsets.UTF_8), blinds.get(i).blind(),
                        DECODER.decode(reply.evaluated().get(i)));
            } catch (IllegalArgumentException | NullPointerException unreadable) {
                throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE, "The partner's answer could not be read");
            }
            List<String> references = byTag.getOrDefault(Tags.tag(output), List.of()).stream()
                    .map(entry -> Tags.open(output, entry.sealed())).flatMap(Optional::stream).distinct().sorted().toList();
            results.add(new Result(keys.get(i), !references.isEmpty(), references));
        }
        List<String> references = results.stream().flatMap(r -> r.references().stream()).distinct().sorted().toList();
        Map<String, String> details = new TreeMap<>();
        details.put("purpose", purpose);
        details.put("type", type);
        details.put("partner", partner);
        details.put("hit", String.valueOf(!references.isEmpty()));
        details.put("partnerReferences", String.join(",", references));
        audit.record(caller, "HITCHECK_ASKED", "identifier", String.join(" ", keys), details);
        return new Answer(partner, type, results, derived.setAside(), entries.size(),
                references.isEmpty() ? null : followUp(partner, type, references, purpose));
    }

    /**
     * The information request a hit leads to, pre-filled for cooperation's {@code POST /api/cooperation/requests}:
     * it names the partner's references and the kind of identifier, not the identifier (the officer adds what
     * the request may carry).
     */
    private static Map<String, Object> followUp(String partner, String type, List<String> references, String purpose) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("destinationCountry", partner);
        body.put("type", "INFORMATION_REQUEST");
        body.put("handling", Map.of("tlp", "AMBER", "codes", List.of()));
        body.put("content", Map.of(
                "questions", List.of("Your reference(s) " + String.join(", ", references) + " name an identifier ("
                        + type + ") that our case names too (hit/no-hit). Please tell us what your case holds about it: "
                        + "the reports, the persons and accounts linked to it, and the state of your investigation."),
                "purpose", purpose));
        return body;
    }
}
