package org.cyberreport.triage.hitcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

/**
 * The platform's OPRF key as holder: what it applies to partners' blinded identifiers and to its own
 * identifiers in the table. Without it nobody (the partner included) can compute the function, so the
 * table cannot be tested against guesses. In deployment it comes from {@code TRIAGE_HITCHECK_KEY}
 * (64 hex digits, from the secret store); locally a random one is made once in the data folder.
 */
public final class HolderKey {

    private final BigInteger scalar;

    private HolderKey(BigInteger scalar) {
        this.scalar = scalar;
    }

    BigInteger scalar() {
        return scalar;
    }

    public static HolderKey load(String configured, Path localDevelopmentKeyFile) {
        if (configured != null && !configured.isBlank()) {
            return of(configured.strip());
        }
        try {
            if (Files.exists(localDevelopmentKeyFile)) {
                return of(Files.readString(localDevelopmentKeyFile, StandardCharsets.US_ASCII).strip());
            }
            Files.createDirectories(localDevelopmentKeyFile.toAbsolutePath().getParent());
            String made = HexFormat.of().formatHex(toBytes(Oprf.randomKey()));
            Files.writeString(localDevelopmentKeyFile, made + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(localDevelopmentKeyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's own permissions protect it
            }
            return of(made);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The local-development hit/no-hit key could not be read or made", unreadable);
        }
    }

    static HolderKey of(String hex) {
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalStateException("The hit/no-hit key must be 64 hexadecimal digits");
        }
        BigInteger scalar = new BigInteger(1, HexFormat.of().parseHex(hex));
        if (scalar.signum() == 0 || scalar.compareTo(Oprf.order()) >= 0) {
            throw new IllegalStateException("The hit/no-hit key must be a scalar between 1 and the group order");
        }
        return new HolderKey(scalar);
    }

    private static byte[] toBytes(BigInteger scalar) {
        byte[] raw = scalar.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }
}
