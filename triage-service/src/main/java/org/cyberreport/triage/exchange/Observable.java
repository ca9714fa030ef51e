package org.cyberreport.triage.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cyberreport.triage.correlation.Indicators;
import org.cyberreport.triage.report.ReportFacts;

/**
 * An identifier as exchanged with other tools: its type in the report's terms (IBAN, CRYPTO_ADDRESS,
 * URL…), its value as the report gave it, the chain or platform where the type needs one, and the key
 * correlation knows it by.
 */
public record Observable(String type, String value, String chain, String platform, String key) {

    /**
     * The identifiers of a case that link it to others: the suspects' and the receiving accounts', as the
     * report gave them, each once. Those set aside (warning lists, platforms without an account, the
     * identifiers of possible trafficking victims) are not among them: they are not suspects' indicators.
     */
    public static List<Observable> of(ReportFacts facts, Set<String> linkingKeys, Indicators indicators) {
        Map<String, Observable> found = new LinkedHashMap<>();
        for (ReportFacts.Subject subject : facts.subjects()) {
            add(found, subject.type(), subject.value(), subject.chain(), subject.platform(), linkingKeys, indicators);
        }
        for (ReportFacts.Transaction transaction : facts.transactions()) {
            ReportFacts.Party to = transaction.to();
            if (to != null) {
                add(found, "IBAN", to.iban(), null, null, linkingKeys, indicators);
                add(found, "ACCOUNT", to.accountNumber(), null, null, linkingKeys, indicators);
                if (to.wallet() != null) {
                    add(found, "CRYPTO_ADDRESS", to.wallet().address(), to.wallet().chain(), null, linkingKeys, indicators);
                }
            }
        }
        if (facts.crypto() != null) {
            facts.crypto().transfers().forEach(transfer -> add(found, "CRYPTO_ADDRESS", transfer.toAddress(),
                    transfer.chain(), null, linkingKeys, indicators));
        }
        if (facts.extortion() != null && facts.extortion().payToAddress() != null) {
            ReportFacts.Wallet wallet = facts.extortion().payToAddress();
            add(found, "CRYPTO_ADDRESS", wallet.address(), wallet.chain(), null, linkingKeys, indicators);
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The one key an identifier is exchanged by: a URL gives its page and its registrable domain, and is known
     * (exported, or known bad) as its page, never as the whole site; other identifiers have one key.
     */
    static java.util.Optional<String> keyOf(String type, Set<String> keys) {
        return keys.stream().filter(key -> !"URL".equals(type) || !key.startsWith("domain:")).sorted().findFirst();
    }

    private static void add(Map<String, Observable> found, String type, String value, String chain, String platform,
                            Set<String> linkingKeys, Indicators indicators) {
        if (type == null || value == null || value.isBlank()) {
            return;
        }
        String key = keyOf(type, indicators.of(type, value, chain, platform).keys()).orElse(null);
        if (key != null && linkingKeys.contains(key) && !found.containsKey(key)) {
            found.put(key, new Observable(type, value.strip(), chain, platform, key));
        }
    }
}
