package org.cyberreport.cooperation.directory;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * A member country in the liaison directory: whether its requests are pushed to an endpoint of its
 * own or only kept in the inbox, that endpoint, the keys used with it, and a 24/7 contact.
 *
 * @param partnerKeyId     the key id the country signs its callbacks with
 * @param partnerPublicKey its Ed25519 public key (X.509, Base64) to verify them
 * @param signingKeyId     which of our keys we sign its requests with
 * @param hitcheck         whether hit/no-hit with the country's platform is switched on (both ways: its signed
 *                         queries are answered, and ours go to it)
 * @param hitcheckEndpoint where its platform answers our hit/no-hit queries
 */
public record DirectoryEntry(@Id String country, String name, Delivery delivery, String endpoint, String partnerKeyId,
                             String partnerPublicKey, String signingKeyId, Contact contact, Instant updatedAt,
                             String updatedBy, Boolean hitcheck, String hitcheckEndpoint) {

    public enum Delivery { PUSH, INBOX }

    public record Contact(String office, String phone, String email) {
    }

    public boolean hitcheckOn() {
        return Boolean.TRUE.equals(hitcheck);
    }

    public boolean pushes() {
        return delivery == Delivery.PUSH && endpoint != null;
    }
}
