package org.cyberreport.intake.report.validation;

import java.util.regex.Pattern;

import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.InetAddressValidator;
import org.apache.commons.validator.routines.UrlValidator;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Contact and network identifiers. Phone numbers must be in E.164 form and valid for their country
 * plan (libphonenumber); e-mail addresses, URLs, domains and IP addresses are checked by Apache
 * Commons Validator, which knows the IANA top-level domains.
 */
public final class ContactIdentifiers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final EmailValidator EMAILS = EmailValidator.getInstance(false, false);
    private static final UrlValidator URLS = new UrlValidator(new String[] {"http", "https"});
    private static final Pattern HANDLE = Pattern.compile("@?[A-Za-z0-9._-]{1,64}");

    private ContactIdentifiers() {
    }

    public static boolean isE164Phone(String value) {
        if (value == null || !E164.matcher(value).matches()) {
            return false;
        }
        try {
            return PHONES.isValidNumber(PHONES.parse(value, null));
        } catch (NumberParseException invalid) {
            return false;
        }
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAILS.isValid(value);
    }

    public static boolean isUrl(String value) {
        return value != null && value.length() <= 2048 && URLS.isValid(value);
    }

    public static boolean isDomain(String value) {
        return value != null && value.length() <= 253 && DomainValidator.getInstance().isValid(value);
    }

    public static boolean isIpAddress(String value) {
        return value != null && value.length() <= 45 && InetAddressValidator.getInstance().isValid(value);
    }

    public static boolean isSocialHandle(String value) {
        return value != null && HANDLE.matcher(value).matches();
    }
}
