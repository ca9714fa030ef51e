package org.cyberreport.console.report;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The codes the intake API accepts in each field of a report, for the form's choices
 * ({@code ${@vocab...}}); their labels are in the messages, by field kind and code.
 */
@Component("vocab")
public class Vocabulary {

    public final List<String> categories = List.of("ONLINE_FRAUD", "EXTORTION", "CRYPTO", "DATA_THEFT");
    public final Map<String, List<String>> subtypes = Map.of(
            "ONLINE_FRAUD", List.of("INVESTMENT", "ROMANCE", "BUSINESS_EMAIL_COMPROMISE", "TECH_SUPPORT", "NON_DELIVERY",
                    "PHISHING", "IMPERSONATION", "ADVANCE_FEE"),
            "EXTORTION", List.of("SEXTORTION", "RANSOMWARE", "DATA_LEAK_THREAT", "DDOS_THREAT"),
            "CRYPTO", List.of("PIG_BUTCHERING", "WALLET_DRAINER", "ADDRESS_POISONING", "SIM_SWAP", "RUG_PULL", "EXCHANGE_HACK"),
            "DATA_THEFT", List.of("EXFILTRATION", "CREDENTIAL_STUFFING", "INSIDER", "MISCONFIGURATION", "ACCOUNT_TAKEOVER"));
    public final List<String> statuses = List.of("FILED", "WITHDRAWN");
    public final List<String> victimKinds = List.of("PERSON", "ORGANISATION");
    public final List<String> vulnerabilities = List.of("ELDERLY", "DISABILITY", "REPEAT_VICTIM", "SELF_HARM_RISK",
            "LANGUAGE_BARRIER", "OTHER");
    public final List<String> subjectTypes = List.of("EMAIL", "PHONE", "URL", "DOMAIN", "IP_ADDRESS", "SOCIAL_HANDLE", "IBAN",
            "ACCOUNT", "CRYPTO_ADDRESS", "NAME");
    public final List<String> chains = List.of("BITCOIN", "ETHEREUM", "BNB_SMART_CHAIN", "POLYGON", "TRON", "SOLANA", "OTHER");
    public final List<String> methods = List.of("BANK_TRANSFER", "INSTANT_PAYMENT", "CARD", "CRYPTO", "GIFT_CARD",
            "MONEY_TRANSFER_SERVICE", "CASH", "OTHER");
    public final List<String> transactionStatuses = List.of("COMPLETED", "PENDING", "RECALLED", "BLOCKED", "FAILED");
    public final List<String> traffickingIndicators = List.of("FAKE_JOB_OFFER", "PASSPORT_CONFISCATED", "FORCED_WORK",
            "MOVEMENT_RESTRICTED", "DEBT_BONDAGE", "VIOLENCE_OR_THREATS", "OTHER");
    public final List<String> tlp = List.of("CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED");
    public final List<String> handlingCodes = List.of("H0", "H1", "H2", "H3");
    public final List<String> contactChannels = List.of("EMAIL", "PHONE_CALL", "SMS", "MESSAGING_APP", "SOCIAL_MEDIA",
            "DATING_SITE", "WEBSITE", "MARKETPLACE", "IN_PERSON", "OTHER");
    public final List<String> initialAccess = List.of("PHISHING", "EXPOSED_REMOTE_SERVICE", "VULNERABILITY_EXPLOIT",
            "STOLEN_CREDENTIALS", "SUPPLY_CHAIN", "UNKNOWN");
    public final List<String> sectors = List.of("ENERGY", "TRANSPORT", "BANKING", "FINANCIAL_MARKET_INFRASTRUCTURE", "HEALTH",
            "DRINKING_WATER", "WASTE_WATER", "DIGITAL_INFRASTRUCTURE", "ICT_SERVICE_MANAGEMENT", "PUBLIC_ADMINISTRATION", "SPACE");
    public final List<String> custody = List.of("CUSTODIAL", "SELF_CUSTODY");
    public final List<String> dataCategories = List.of("PERSONAL", "FINANCIAL", "HEALTH", "CREDENTIALS", "CHILDREN");

    public final List<String> levels = List.of("P1", "P2", "P3", "P4");
    /** What an officer can look up: every kind of identifier correlation keys, names excepted. */
    public final List<String> lookupTypes = subjectTypes.stream().filter(type -> !type.equals("NAME")).toList();
    public final List<String> caseStatuses = List.of("NEW", "IN_PROGRESS", "CLOSED");
    public final List<String> outcomes = List.of("REFERRED_FOR_INVESTIGATION", "ESCALATED_ABROAD", "NO_FURTHER_ACTION",
            "LINKED_TO_OTHER_CASE", "RESOLVED", "WITHDRAWN_BY_UNIT");
    public final List<String> requestTypes = List.of("PRESERVATION", "INFORMATION_REQUEST", "MUTUAL_LEGAL_ASSISTANCE",
            "PAYMENT_STOP", "ASSET_TRACING");
    public final List<String> directoryDeliveries = List.of("PUSH", "INBOX");
    /** The measures an asset-tracing request may seek (the cooperation service's completeness check). */
    public final List<String> measures = List.of("LOCATE", "IDENTIFY", "OBTAIN_INFORMATION", "MONITOR");

    private final Map<String, List<String>> byName = Map.ofEntries(
            Map.entry("tlp", tlp), Map.entry("handlingCodes", handlingCodes), Map.entry("contactChannels", contactChannels),
            Map.entry("chains", chains), Map.entry("initialAccess", initialAccess), Map.entry("sectors", sectors),
            Map.entry("custody", custody), Map.entry("dataCategories", dataCategories), Map.entry("victimKinds", victimKinds),
            Map.entry("vulnerabilities", vulnerabilities), Map.entry("subjectTypes", subjectTypes), Map.entry("methods", methods),
            Map.entry("transactionStatuses", transactionStatuses), Map.entry("levels", levels), Map.entry("outcomes", outcomes),
            Map.entry("lookupTypes", lookupTypes), Map.entry("traffickingIndicators", traffickingIndicators),
            Map.entry("requestTypes", requestTypes), Map.entry("directoryDeliveries", directoryDeliveries),
            Map.entry("categories", categories), Map.entry("measures", measures),
            Map.entry("subtypes.ONLINE_FRAUD", subtypes.get("ONLINE_FRAUD")), Map.entry("subtypes.EXTORTION", subtypes.get("EXTORTION")),
            Map.entry("subtypes.CRYPTO", subtypes.get("CRYPTO")), Map.entry("subtypes.DATA_THEFT", subtypes.get("DATA_THEFT")));

    /**
     * A list of codes by name. Templates pass lists to the form fragments by name: Thymeleaf evaluates
     * fragment parameters in a restricted mode that allows no bean access.
     */
    public List<String> options(String name) {
        return byName.getOrDefault(name, List.of());
    }

    public boolean isCategory(String code) {
        return code != null && categories.contains(code);
    }
}
