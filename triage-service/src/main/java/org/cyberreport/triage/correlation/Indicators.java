package org.cyberreport.triage.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.cyberreport.triage.casework.SetAsideIdentifier;
import org.cyberreport.triage.report.ReportFacts;

/**
 * The lines of enquiry of a report, as normalised keys: the suspects' identifiers and the accounts
 * and wallets that money went to. Identifiers that many unrelated reports share (on a warning list,
 * or a platform named without an account) are set aside: kept with the reason, never linking cases.
 */
public final class Indicators {

    /** The keys that link cases, and the identifiers set aside. */
    public record Found(Set<String> keys, List<SetAsideIdentifier> setAside) {
        public static final Found NONE = new Found(Set.of(), List.of());
    }

    private final WarningLists lists;

    public Indicators(WarningLists lists) {
        this.lists = lists;
    }

    public WarningLists lists() {
        return lists;
    }

    public Found of(ReportFacts facts) {
        Collector found = new Collector();
        for (ReportFacts.Subject subject : facts.subjects()) {
            if (subject.type() != null && subject.value() != null) {
                identify(subject.type(), subject.value(), subject.chain(), subject.platform(), found);
            }
        }
        for (ReportFacts.Transaction transaction : facts.transactions()) {
            ReportFacts.Party to = transaction.to();
            if (to != null) {
                if (to.iban() != null) {
                    found.add(IndicatorNormaliser.iban(to.iban()));
                }
                if (to.accountNumber() != null) {
                    found.add(IndicatorNormaliser.account(to.accountNumber()));
                }
                if (to.wallet() != null) {
                    found.add(IndicatorNormaliser.wallet(to.wallet().chain(), to.wallet().address()));
                }
            }
        }
        if (facts.crypto() != null) {
            facts.crypto().transfers().forEach(transfer -> found.add(IndicatorNormaliser.wallet(transfer.chain(), transfer.toAddress())));
        }
        if (facts.extortion() != null && facts.extortion().payToAddress() != null) {
            ReportFacts.Wallet wallet = facts.extortion().payToAddress();
            found.add(IndicatorNormaliser.wallet(wallet.chain(), wallet.address()));
        }
        // A person who may be a trafficking victim is not a suspect: their identifiers link nothing and add no
        // points, even where the report also lists them among the subjects.
        for (ReportFacts.PossibleTraffickingVictim person : facts.possibleTraffickingVictims()) {
            for (ReportFacts.Subject identifier : person.identifiers()) {
                if (identifier.type() != null && identifier.value() != null) {
                    Found own = of(identifier.type(), identifier.value(), identifier.chain(), identifier.platform());
                    if ("URL".equals(identifier.type())) {
                        // the person's page, not the whole site: a suspect's other page there still links
                        own = new Found(own.keys().stream().filter(key -> !key.startsWith("domain:"))
                                .collect(java.util.stream.Collectors.toSet()), List.of());
                    }
                    found.victim(own);
                }
            }
        }
        return found.result();
    }

    /** One identifier as a report's subject would give it (type as in the report: IBAN, URL, PHONE…). */
    public Found of(String type, String value, String chain, String platform) {
        Collector found = new Collector();
        identify(type, value, chain, platform, found);
        return found.result();
    }

    private void identify(String type, String value, String chain, String platform, Collector found) {
        switch (type) {
            case "IBAN" -> found.add(IndicatorNormaliser.iban(value));
            case "ACCOUNT" -> found.add(IndicatorNormaliser.account(value));
            case "CRYPTO_ADDRESS" -> found.add(IndicatorNormaliser.wallet(chain, value));
            case "EMAIL" -> found.add(IndicatorNormaliser.email(value));
            case "PHONE" -> found.add(IndicatorNormaliser.phone(value));
            case "DOMAIN" -> found.add(IndicatorNormaliser.domain(value));
            case "URL" -> {
                IndicatorNormaliser.UrlKeys url = IndicatorNormaliser.url(value);
                url.keys().forEach(key -> found.add(Optional.of(key)));
                url.platformWithoutAccount().ifPresent(platformDomain -> found.setAside.add(new SetAsideIdentifier(
                        "domain:" + platformDomain, SetAsideIdentifier.Reason.PLATFORM_WITHOUT_ACCOUNT, null, null, null)));
            }
            case "IP_ADDRESS" -> found.add(IndicatorNormaliser.ip(value));
            case "SOCIAL_HANDLE" -> found.add(IndicatorNormaliser.handle(platform, value));
            default -> {
                // names and other free text never link cases
            }
        }
    }

    /** The lists and their versions, as a case's history records them. */
    public Map<String, String> listVersions() {
        return lists.versions();
    }

    private final class Collector {
        private final Set<String> keys = new TreeSet<>();
        private final List<SetAsideIdentifier> setAside = new ArrayList<>();

        void add(Optional<String> key) {
            key.ifPresent(present -> {
                Optional<WarningLists.Listing> listed = lists.find(present);
                if (listed.isEmpty()) {
                    keys.add(present);
                } else if (setAside.stream().noneMatch(known -> known.identifier().equals(present))) {
                    WarningLists.Listing listing = listed.get();
                    setAside.add(new SetAsideIdentifier(present, SetAsideIdentifier.Reason.WARNING_LIST, listing.list(),
                            listing.name(), listing.version()));
                }
            });
        }

        private final Set<String> victims = new TreeSet<>();

        void victim(Found person) {
            victims.addAll(person.keys());
            person.setAside().forEach(aside -> victims.add(aside.identifier()));
        }

        Found result() {
            keys.removeAll(victims);
            setAside.removeIf(aside -> victims.contains(aside.identifier()));
            victims.forEach(key -> setAside.add(new SetAsideIdentifier(key,
                    SetAsideIdentifier.Reason.POSSIBLE_TRAFFICKING_VICTIM, null, null, null)));
            List<SetAsideIdentifier> distinct = new ArrayList<>();
            setAside.stream().filter(aside -> !keys.contains(aside.identifier()))
                    .filter(aside -> distinct.stream().noneMatch(known -> known.identifier().equals(aside.identifier())))
                    .forEach(distinct::add);
            return new Found(Set.copyOf(keys), List.copyOf(distinct));
        }
    }
}
