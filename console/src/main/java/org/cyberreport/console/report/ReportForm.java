package org.cyberreport.console.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The report form. Its shape and names are those of the intake API's report body, so that the body is
 * the form itself (blank parts left out, see {@link ReportBody}) and every failing field the API names
 * (e.g. {@code transactions[0].to.iban}) is a path of this form, shown beside its input.
 * <p>
 * A form-backing object, not a domain type: public fields keep each part one line long; the binder
 * reads and writes them directly ({@code initDirectFieldAccess}).
 */
public class ReportForm {

    public String category;
    public String jurisdictionCountry;
    public Instant incidentStartedAt;
    public Instant discoveredAt;
    public List<Victim> victims = new ArrayList<>(List.of(new Victim()));
    public List<Subject> subjects = new ArrayList<>();
    public List<Transaction> transactions = new ArrayList<>();
    public Money totalLoss = new Money();
    public String narrative;
    public List<Evidence> evidence = new ArrayList<>();
    public Handling handling = new Handling();
    public OnlineFraud onlineFraud = new OnlineFraud();
    public Extortion extortion = new Extortion();
    public Crypto crypto = new Crypto();
    public DataTheft dataTheft = new DataTheft();
    public List<TraffickingPerson> possibleTraffickingVictims = new ArrayList<>();

    /** Adds an empty row to one of the repeatable parts; {@code false} for a name that is none. */
    boolean addRow(String part) {
        switch (part) {
            case "victims" -> victims.add(new Victim());
            case "subjects" -> subjects.add(new Subject());
            case "transactions" -> transactions.add(new Transaction());
            case "evidence" -> evidence.add(new Evidence());
            case "crypto.transfers" -> crypto.transfers.add(new Transfer());
            case "possibleTraffickingVictims" -> possibleTraffickingVictims.add(new TraffickingPerson());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Removes a row, named {@code part:index}; {@code false} when there is no such row. */
    boolean removeRow(String partAndIndex) {
        int colon = partAndIndex.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        List<?> rows = switch (partAndIndex.substring(0, colon)) {
            case "victims" -> victims;
            case "subjects" -> subjects;
            case "transactions" -> transactions;
            case "evidence" -> evidence;
            case "crypto.transfers" -> crypto.transfers;
            case "possibleTraffickingVictims" -> possibleTraffickingVictims;
            default -> null;
        };
        try {
            int index = Integer.parseInt(partAndIndex.substring(colon + 1));
            if (rows == null || index < 0 || index >= rows.size()) {
                return false;
            }
            rows.remove(index);
            return true;
        } catch (NumberFormatException notAnIndex) {
            return false;
        }
    }

    public static class Victim {
        public String kind = "PERSON";
        public String name;
        public Integer age;
        public boolean minor;
        public Set<String> vulnerabilities = new LinkedHashSet<>();
        public String residenceCountry;
        public String email;
        public String phone;
    }

    /**
     * A person the report names who may be a trafficking victim forced to work in a scam compound: the
     * indicators, one identifier of theirs (a phone, a handle: kept out of the suspects' lines of enquiry)
     * and where the compound is.
     */
    public static class TraffickingPerson {
        public String name;
        public String nationality;
        public Set<String> indicators = new LinkedHashSet<>();
        public List<Subject> identifiers = new ArrayList<>(List.of(new Subject()));
        public Compound compound = new Compound();
    }

    public static class Compound {
        public String country;
        public String locality;
        public String description;
        public BigDecimal latitude;
        public BigDecimal longitude;
    }

    public static class Subject {
        public String type;
        public String value;
        public String chain;
        public String platform;
    }

    public static class Transaction {
        public String method;
        public Money amount = new Money();
        public Instant executedAt;
        public Party from = new Party();
        public Party to = new Party();
        public String uetr;
        public String status;
    }

    public static class Party {
        public String iban;
        public String bic;
        public String accountNumber;
        public Wallet wallet = new Wallet();
        public String holderName;
        public String institution;
        public String country;
    }

    public static class Wallet {
        public String chain;
        public String address;
    }

    public static class Money {
        public BigDecimal amount;
        public String currency;
    }

    public static class Evidence {
        public String sha256;
        public String fileName;
        public String mediaType;
        public Long sizeBytes;
        public String collectedBy;
        public Instant collectedAt;
    }

    public static class Handling {
        public String tlp = "AMBER";
        public Set<String> codes = new LinkedHashSet<>();
    }

    public static class OnlineFraud {
        public String subtype;
        public String contactChannel;
        public String platform;
        public Instant firstContactAt;
        public boolean paymentsOngoing;
    }

    public static class Extortion {
        public String subtype;
        public Demand demand = new Demand();
        public Instant deadline;
        public boolean paid;
        public Wallet payToAddress = new Wallet();
        public Sextortion sextortion = new Sextortion();
        public Ransomware ransomware = new Ransomware();
    }

    public static class Demand {
        public BigDecimal amount;
        public String currency;
        public String asset;
    }

    public static class Sextortion {
        public boolean victimMinor;
        public boolean selfHarmRisk;
        public List<String> contentHashes = new ArrayList<>();
    }

    public static class Ransomware {
        public String variant;
        public String initialAccess;
        public Integer systemsEncrypted;
        public String criticalInfrastructureSector;
    }

    public static class Crypto {
        public String subtype;
        public String custody;
        public List<Transfer> transfers = new ArrayList<>();
    }

    public static class Transfer {
        public String chain;
        public String asset;
        public BigDecimal amount;
        public String fromAddress;
        public String toAddress;
        public String txHash;
        public Instant executedAt;
        public Exchange exchange = new Exchange();
    }

    public static class Exchange {
        public String name;
        public String country;
    }

    public static class DataTheft {
        public String subtype;
        public Organisation affectedOrganisation = new Organisation();
        public Set<String> dataCategories = new LinkedHashSet<>();
        public Long recordCount;
        public Set<String> dataSubjectCountries = new LinkedHashSet<>();
        public List<String> leakUrls = new ArrayList<>();
        public Instant regulatorNotifiedAt;
    }

    public static class Organisation {
        public String name;
        public String country;
        public String sector;
    }
}
