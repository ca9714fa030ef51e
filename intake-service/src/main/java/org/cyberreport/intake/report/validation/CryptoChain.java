package org.cyberreport.intake.report.validation;

/** The chains whose addresses the platform checks; {@code OTHER} is checked for shape only. */
public enum CryptoChain {
    BITCOIN, ETHEREUM, BNB_SMART_CHAIN, POLYGON, TRON, SOLANA, OTHER
}
