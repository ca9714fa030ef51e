package org.cyberreport.kit.outbox;

import org.bson.Document;

/** Sends one claimed hand-off to its destination; returns normally only when the destination took it. */
@FunctionalInterface
public interface Delivery {
    void deliver(Document claimed) throws Exception;
}
