package org.cyberreport.kit.problem;

import java.io.IOException;

/** Raised while reading a request body that is not UTF-8 without a byte-order mark; answered with 400. */
public class BodyEncodingException extends IOException {
    public BodyEncodingException() {
        super("The body must be UTF-8 without a byte-order mark (UTF-16, UTF-32 and BOMs are refused)");
    }
}
