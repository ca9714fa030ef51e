package org.cyberreport.kit.web;

import java.text.Normalizer;

/**
 * What text the platform stores. Free text: valid Unicode (no lone surrogates, no noncharacters), no
 * control characters other than tab, CR and LF (NUL and terminal escapes included), and no
 * left-to-right or right-to-left override (they disguise what a text says; the marks and embeddings
 * that Arabic or Hebrew text needs stay allowed). Accepted text is stored in NFC, so the same words
 * always have the same code points. Identifiers (keys, codes, handles, references, file names) are
 * stricter: no invisible or bidirectional formatting characters at all, and no space but U+0020.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why a free text is refused, or {@code null} when it is acceptable. */
    public static String freeTextProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                if (isNoncharacter(codePoint)) {
                    return "must not contain Unicode noncharacters";
                }
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "must be valid Unicode (it has a lone surrogate)";
            }
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain control characters other than tab and line breaks";
            }
            if (c == '\u202D' || c == '\u202E') {
                return "must not contain bidirectional override characters";
            }
            if (isNoncharacter(c)) {
                return "must not contain Unicode noncharacters";
            }
        }
        return null;
    }

    /** Why an identifier is refused, or {@code null} when it is acceptable (free-text rules included). */
    public static String identifierProblem(String text) {
        String problem = freeTextProblem(text);
        if (problem != null) {
            return problem;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            switch (Character.getType(codePoint)) {
                case Character.FORMAT -> {
                    return "must not contain invisible or bidirectional formatting characters";
                }
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                    return "must not contain line breaks or control characters";
                }
                case Character.SPACE_SEPARATOR -> {
                    if (codePoint != ' ') {
                        return "must not contain spaces other than U+0020";
                    }
                }
                case Character.PRIVATE_USE, Character.UNASSIGNED -> {
                    return "must not contain private-use or unassigned characters";
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** The text in Unicode normalisation form C. */
    public static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
