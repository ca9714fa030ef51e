package org.cyberreport.intake.report.validation;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.BitcoinNetwork;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Wallet addresses per chain. Bitcoin addresses are parsed by bitcoinj (Base58Check {@code 1…}/
 * {@code 3…}, Bech32 {@code bc1q…}, Bech32m {@code bc1p…}, all with their checksums). EVM addresses
 * are {@code 0x} and 40 hex digits, with the EIP-55 checksum enforced when the case is mixed. Tron
 * addresses are Base58Check with the {@code 0x41} prefix; Solana addresses are 32 bytes in Base58.
 */
public final class CryptoAddresses {

    private static final AddressParser BITCOIN = AddressParser.getDefault(BitcoinNetwork.MAINNET);
    private static final Pattern EVM = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern OTHER = Pattern.compile("[A-Za-z0-9:._-]{16,128}");

    private CryptoAddresses() {
    }

    public static boolean isValid(CryptoChain chain, String address) {
        if (chain == null || address == null || address.length() > 128) {
            return false;
        }
        return switch (chain) {
            case BITCOIN -> isBitcoin(address);
            case ETHEREUM, BNB_SMART_CHAIN, POLYGON -> isEvm(address);
            case TRON -> isTron(address);
            case SOLANA -> isSolana(address);
            case OTHER -> OTHER.matcher(address).matches();
        };
    }

    public static boolean isBitcoin(String address) {
        try {
            BITCOIN.parseAddress(address);
            return true;
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    public static boolean isEvm(String address) {
        if (!EVM.matcher(address).matches()) {
            return false;
        }
        String hex = address.substring(2);
        boolean uniformCase = hex.equals(hex.toLowerCase()) || hex.equals(hex.toUpperCase());
        return uniformCase || hex.equals(eip55(hex));
    }

    /** The EIP-55 mixed-case form of 40 hex digits. */
    static String eip55(String hex) {
        String lower = hex.toLowerCase();
        KeccakDigest keccak = new KeccakDigest(256);
        byte[] input = lower.getBytes(StandardCharsets.US_ASCII);
        keccak.update(input, 0, input.length);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        String hashHex = HexFormat.of().formatHex(hash);
        StringBuilder result = new StringBuilder(40);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            result.append(Character.digit(hashHex.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return result.toString();
    }

    private static boolean isTron(String address) {
        try {
            byte[] payload = Base58.decodeChecked(address);
            return payload.length == 21 && payload[0] == 0x41;
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    private static boolean isSolana(String address) {
        try {
            return address.length() >= 32 && address.length() <= 44 && Base58.decode(address).length == 32;
        } catch (RuntimeException invalid) {
            return false;
        }
    }
}
