package org.cyberreport.kit.notify;

import java.util.Set;

/**
 * A user's choices: e-mail at all, the kinds not to be mailed, and how many notices arriving at once
 * still come one message each (more come as one digest). The console shows every notice whatever
 * these say.
 */
public record Preferences(boolean email, Set<String> muted, int digestAfter) {

    public static final int MAX_DIGEST_AFTER = 50;

    public Preferences {
        muted = muted == null ? Set.of() : Set.copyOf(muted);
    }

    public static Preferences defaults(int digestAfter) {
        return new Preferences(true, Set.of(), digestAfter);
    }

    public boolean mails(String kind) {
        return email && !muted.contains(kind);
    }
}
