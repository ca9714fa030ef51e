package org.cyberreport.intake.report.validation;

/**
 * Identifiers (handles, addresses, file names) must look like what they are: no invisible or
 * bidirectional formatting characters (a right-to-left override turns {@code gpj.exe} into what
 * reads as {@code exe.jpg}), no control or line-break characters, no space but U+0020, nothing
 * private-use or unassigned. The same rule as the platform's {@code Identifier} constraint, kept here
 * because the report model depends on nothing but Java and Bean Validation.
 */
final class Identifiers {

    private Identifiers() {
    }

    static boolean isClean(String value) {
        return value.codePoints().noneMatch(codePoint -> switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE -> true;
            case Character.SPACE_SEPARATOR -> codePoint != ' ';
            default -> false;
        });
    }
}
