package org.cyberreport.cooperation.request;

import java.util.List;

/** A request that lacks what its type requires, or may not be passed on; names every item. */
public class IncompleteRequest extends RuntimeException {

    private final List<String> items;

    public IncompleteRequest(List<String> items) {
        super("The request cannot be sent: " + String.join(", ", items));
        this.items = List.copyOf(items);
    }

    public List<String> items() {
        return items;
    }
}
