package org.cyberreport.kit.mongo;

import com.mongodb.ConnectionString;

/** Connection string helpers. */
final class MongoUris {

    private MongoUris() {
    }

    /** The URI as given when it names a database, otherwise with {@code database} added to its path. */
    static ConnectionString withDefaultDatabase(String uri, String database) {
        ConnectionString parsed = new ConnectionString(uri);
        if (parsed.getDatabase() != null) {
            return parsed;
        }
        int schemeEnd = uri.indexOf("://") + 3;
        int query = uri.indexOf('?', schemeEnd);
        String hosts = query < 0 ? uri : uri.substring(0, query);
        String options = query < 0 ? "" : uri.substring(query);
        String base = hosts.endsWith("/") ? hosts : hosts.indexOf('/', schemeEnd) < 0 ? hosts + "/" : hosts;
        return new ConnectionString(base + database + options);
    }
}
