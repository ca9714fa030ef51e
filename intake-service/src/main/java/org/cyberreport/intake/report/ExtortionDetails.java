package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.ASSET;
import static org.cyberreport.intake.report.validation.Rule.CURRENCY;
import static org.cyberreport.intake.report.validation.Rule.SHA256;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.cyberreport.intake.report.validation.Checked;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Extortion: the demand and its deadline. Sextortion reports carry content hashes only, never
 * imagery; ransomware reports describe the attack and any critical-infrastructure sector hit.
 */
public record ExtortionDetails(
        @NotNull Subtype subtype,
        @Valid Demand demand,
        Instant deadline,
        boolean paid,
        @Valid WalletAddress payToAddress,
        @Valid Sextortion sextortion,
        @Valid Ransomware ransomware) {

    public enum Subtype { SEXTORTION, RANSOMWARE, DATA_LEAK_THREAT, DDOS_THREAT }

    /** What is demanded: an amount in a currency, or in a crypto asset; exactly one of the two. */
    public record Demand(
            @NotNull @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 16, fraction = 18)
            BigDecimal amount,
            @Checked(CURRENCY) String currency,
            @Checked(ASSET) String asset) {
    }

    public record Sextortion(
            boolean victimMinor,
            boolean selfHarmRisk,
            @Size(max = 100) List<@NotNull @Checked(SHA256) String> contentHashes) {

        public Sextortion {
            contentHashes = contentHashes == null ? List.of() : List.copyOf(contentHashes);
        }
    }

    public record Ransomware(
            @Size(max = 100) String variant,
            InitialAccess initialAccess,
            @PositiveOrZero @Max(10_000_000) Integer systemsEncrypted,
            CriticalSector criticalInfrastructureSector) {
    }

    public enum InitialAccess { PHISHING, EXPOSED_REMOTE_SERVICE, VULNERABILITY_EXPLOIT, STOLEN_CREDENTIALS, SUPPLY_CHAIN, UNKNOWN }

    /** Critical-infrastructure sectors, after the EU NIS2 list of sectors of high criticality. */
    public enum CriticalSector {
        ENERGY, TRANSPORT, BANKING, FINANCIAL_MARKET_INFRASTRUCTURE, HEALTH, DRINKING_WATER, WASTE_WATER,
        DIGITAL_INFRASTRUCTURE, ICT_SERVICE_MANAGEMENT, PUBLIC_ADMINISTRATION, SPACE
    }
}
