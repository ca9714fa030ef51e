package org.cyberreport.intake.report;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable sets in natural order, so that a report serialises the same way on every run (the
 * idempotency digest and the amendment history depend on it).
 */
final class SortedSets {

    private SortedSets() {
    }

    static <T extends Comparable<? super T>> Set<T> of(Collection<T> items) {
        return Collections.unmodifiableSet(new TreeSet<>(items));
    }
}
