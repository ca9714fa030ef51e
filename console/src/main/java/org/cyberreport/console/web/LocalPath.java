package org.cyberreport.console.web;

import java.util.regex.Pattern;

/** A path within the console to return to; anything else (another site, a scheme) becomes the home page. */
public final class LocalPath {

    private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~%=&?+-]{0,500}");

    private LocalPath() {
    }

    public static String orHome(String path) {
        return path != null && SAFE.matcher(path).matches() ? path : "/";
    }
}
