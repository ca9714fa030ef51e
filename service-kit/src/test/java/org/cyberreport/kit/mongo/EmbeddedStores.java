package org.cyberreport.kit.mongo;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/** The services' embedded store on a file, for tests and benchmarks outside this package. */
public final class EmbeddedStores {

    private EmbeddedStores() {
    }

    /** A server (not yet bound) over a file store with the services' default cache, as a service runs it. */
    public static MongoServer fileServer(Path file) {
        return new MongoServer(DurableH2Backend.open(file.toString(), 96, new EmbeddedQueryStats()));
    }
}
