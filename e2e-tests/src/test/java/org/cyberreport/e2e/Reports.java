package org.cyberreport.e2e;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Report bodies for the end-to-end tests, each with identifiers of its own (so that unrelated
 * reports are not linked) unless a test shares one on purpose, and with a known expected level.
 */
final class Reports {

    private Reports() {
    }

    enum Kind {
        /** An instant payment two hours ago to a known account: the golden hour. */
        GOLDEN_HOUR("P1"),
        /** A large loss still growing. */
        LARGE_ONGOING("P2"),
        /** A large loss, a month old. */
        LARGE("P3"),
        /** A small loss, a month old. */
        SMALL("P4");

        final String expectedLevel;

        Kind(String expectedLevel) {
            this.expectedLevel = expectedLevel;
        }
    }

    static String onlineFraud(Kind kind, int serial) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        boolean golden = kind == Kind.GOLDEN_HOUR;
        String method = golden ? "INSTANT_PAYMENT" : "BANK_TRANSFER";
        Instant paidAt = golden ? now.minus(Duration.ofHours(2)) : now.minus(Duration.ofDays(30));
        String amount = switch (kind) {
            case GOLDEN_HOUR -> "500.00";
            case LARGE_ONGOING, LARGE -> "250000.00";
            case SMALL -> "50.00";
        };
        return """
                {"category":"ONLINE_FRAUD","jurisdictionCountry":"MA",
                 "incidentStartedAt":"%s","discoveredAt":"%s",
                 "victims":[{"kind":"PERSON","name":"Victim %d","minor":false}],
                 "subjects":[{"type":"PHONE","value":"%s"}],
                 "transactions":[{"method":"%s","amount":{"amount":%s,"currency":"EUR"},"executedAt":"%s",
                   "from":{"iban":"MA64011519000001205000534921","country":"MA"},
                   "to":{"iban":"%s","bic":"DEUTDEFF","country":"DE"},"uetr":"%s","status":"COMPLETED"}],
                 "narrative":"End-to-end report %d (%s)",
                 "handling":{"tlp":"AMBER"},
                 "onlineFraud":{"subtype":"INVESTMENT","contactChannel":"SOCIAL_MEDIA","paymentsOngoing":%s}}
                """.formatted(now.minus(Duration.ofDays(40)), now.minus(Duration.ofMinutes(30)), serial,
                ukMobile(serial), method, amount, paidAt, germanIban(serial), UUID.randomUUID(), serial, kind,
                kind == Kind.LARGE_ONGOING);
    }

    static String cryptoTo(String wallet, int serial) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return """
                {"category":"CRYPTO","jurisdictionCountry":"MA",
                 "incidentStartedAt":"%s","discoveredAt":"%s",
                 "victims":[{"kind":"PERSON","name":"Investor %d","minor":false}],
                 "subjects":[{"type":"CRYPTO_ADDRESS","value":"%s","chain":"ETHEREUM"}],
                 "transactions":[],
                 "narrative":"Sent USDT to a fake trading platform's deposit address",
                 "handling":{"tlp":"AMBER"},
                 "crypto":{"subtype":"PIG_BUTCHERING","custody":"CUSTODIAL","transfers":[
                   {"chain":"ETHEREUM","asset":"USDT","amount":1200.5,"fromAddress":"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                    "toAddress":"%s","executedAt":"%s"}]}}
                """.formatted(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)), serial, wallet, wallet,
                now.minus(Duration.ofDays(10)));
    }

    /** A valid German IBAN of its own per serial: bank code 37040044, the serial as account number. */
    static String germanIban(int serial) {
        String bban = "37040044" + "%010d".formatted(1_000_000L + serial);
        String rearranged = bban + "131400"; // "DE" as 13 14, then check digits 00
        int check = 98 - new BigInteger(rearranged).mod(BigInteger.valueOf(97)).intValue();
        return "DE%02d%s".formatted(check, bban);
    }

    /** A UK mobile number in E.164, of its own per serial. */
    static String ukMobile(int serial) {
        return "+447911%06d".formatted(serial);
    }
}
