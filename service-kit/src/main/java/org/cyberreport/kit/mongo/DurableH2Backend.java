package org.cyberreport.kit.mongo;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The file-backed embedded store, committing after every write command. The plain H2 backend leaves
 * commits to the store's background writer (about a second later), so a process crash could lose
 * writes the service had already acknowledged.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "create", "dropdatabase", "renamecollection");

    DurableH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document result = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return result;
    }
}
