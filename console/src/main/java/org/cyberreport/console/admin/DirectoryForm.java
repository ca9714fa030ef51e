package org.cyberreport.console.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A country's entry as the administrator edits it, field by field as cooperation's {@code EntryUpdate}
 * names them (so {@code contact.phone} in a problem is a path of this form). The PUT replaces the
 * entry: the form starts from the entry as it is, and what is left blank is sent as absent.
 */
public class DirectoryForm {

    public String delivery;
    public String endpoint;
    public String partnerKeyId;
    public String partnerPublicKey;
    /** Hit/no-hit with the country's platform, and where it answers: kept as they are unless changed here. */
    public boolean hitcheck;
    public String hitcheckEndpoint;
    public ContactForm contact = new ContactForm();

    public static class ContactForm {
        public String office;
        public String phone;
        public String email;

        boolean isEmpty() {
            return office == null && phone == null && email == null;
        }
    }

    static DirectoryForm of(AdminViews.DirectoryEntry entry) {
        DirectoryForm form = new DirectoryForm();
        form.delivery = entry.delivery();
        form.endpoint = entry.endpoint();
        form.partnerKeyId = entry.partnerKeyId();
        form.partnerPublicKey = entry.partnerPublicKey();
        form.hitcheck = Boolean.TRUE.equals(entry.hitcheck());
        form.hitcheckEndpoint = entry.hitcheckEndpoint();
        if (entry.contact() != null) {
            form.contact.office = entry.contact().office();
            form.contact.phone = entry.contact().phone();
            form.contact.email = entry.contact().email();
        }
        return form;
    }

    /** The body of the PUT: the fields typed, blank ones left out, no contact when none of it is typed. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivery", delivery);
        putIfTyped(body, "endpoint", endpoint);
        putIfTyped(body, "partnerKeyId", partnerKeyId);
        putIfTyped(body, "partnerPublicKey", partnerPublicKey);
        if (hitcheck) {
            body.put("hitcheck", true);
        }
        putIfTyped(body, "hitcheckEndpoint", hitcheckEndpoint);
        if (contact != null && !contact.isEmpty()) {
            Map<String, Object> typed = new LinkedHashMap<>();
            putIfTyped(typed, "office", contact.office);
            putIfTyped(typed, "phone", contact.phone);
            putIfTyped(typed, "email", contact.email);
            body.put("contact", typed);
        }
        return body;
    }

    private static void putIfTyped(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value);
        }
    }
}
