package org.cyberreport.console.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A file passed on from the API to the browser as a download only: its name, length and digest as the
 * service sent them, never shown inline, never sniffed, never cached.
 */
public final class Downloads {

    private static final List<String> PASSED_ON = List.of(HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LENGTH,
            "Repr-Digest");

    private Downloads() {
    }

    public static void attachment(HttpHeaders from, InputStream body, HttpServletResponse to) throws IOException {
        to.setContentType("application/octet-stream");
        for (String name : PASSED_ON) {
            String value = from.getFirst(name);
            if (value != null) {
                to.setHeader(name, value);
            }
        }
        to.setHeader("X-Content-Type-Options", "nosniff");
        to.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        to.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        body.transferTo(to.getOutputStream());
    }
}
