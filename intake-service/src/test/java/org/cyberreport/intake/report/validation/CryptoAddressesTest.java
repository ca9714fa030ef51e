package org.cyberreport.intake.report.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",                                 // P2PKH, Base58Check
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",                                 // P2SH, Base58Check
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",                         // P2WPKH, Bech32
            "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",     // P2WSH, Bech32
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"})    // P2TR, Bech32m
    void acceptsBitcoinAddressesOfEachFormat(String address) {
        assertThat(CryptoAddresses.isValid(CryptoChain.BITCOIN, address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",                                 // last character changed
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp",                         // Bech32 checksum broken
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj1",     // Bech32m checksum broken
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj",      // one character short
            "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",                         // testnet, not mainnet
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"})
    void refusesBitcoinNearMisses(String address) {
        assertThat(CryptoAddresses.isValid(CryptoChain.BITCOIN, address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"})
    void acceptsEthereumAddressesWithValidOrNoChecksum(String address) {
        assertThat(CryptoAddresses.isValid(CryptoChain.ETHEREUM, address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",     // one letter's case flipped: EIP-55 fails
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5D359",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",      // 39 hex digits
            "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",       // no 0x
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg"})    // not hex
    void refusesEthereumNearMisses(String address) {
        assertThat(CryptoAddresses.isValid(CryptoChain.ETHEREUM, address)).isFalse();
    }

    @Test
    void computesTheEip55FormOfAnAddress() {
        assertThat(CryptoAddresses.eip55("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"))
                .isEqualTo("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @Test
    void checksTronAddressesAsBase58CheckWithTheirPrefix() {
        assertThat(CryptoAddresses.isValid(CryptoChain.TRON, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).isTrue();
        assertThat(CryptoAddresses.isValid(CryptoChain.TRON, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")).isFalse();
        assertThat(CryptoAddresses.isValid(CryptoChain.TRON, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isFalse();
    }

    @Test
    void checksSolanaAddressesAsThirtyTwoBytes() {
        assertThat(CryptoAddresses.isValid(CryptoChain.SOLANA, "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T")).isTrue();
        assertThat(CryptoAddresses.isValid(CryptoChain.SOLANA, "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB40")).isFalse();
    }

    @Test
    void appliesEvmRulesToEvmChains() {
        assertThat(CryptoAddresses.isValid(CryptoChain.POLYGON, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isTrue();
        assertThat(CryptoAddresses.isValid(CryptoChain.BNB_SMART_CHAIN, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).isFalse();
    }
}
