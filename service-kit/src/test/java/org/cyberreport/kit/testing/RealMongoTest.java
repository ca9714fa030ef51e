package org.cyberreport.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A department's own MongoDB, given by its connection string: each suite in its own database, options kept. */
class RealMongoTest {

    @Test
    void eachSuiteGetsItsOwnDatabaseAndTheApplicationUserAuthenticatesThere() {
        assertThat(RealMongo.inDatabase("mongodb://app:s3cret@db1:27017,db2:27017/?replicaSet=rs0", "intake-it"))
                .isEqualTo("mongodb://app:s3cret@db1:27017,db2:27017/intake-it?replicaSet=rs0&authSource=intake-it");
        assertThat(RealMongo.inDatabase("mongodb://ops:pw@db1/admin?replicaSet=rs0&authSource=admin", "triage-it"))
                .isEqualTo("mongodb://ops:pw@db1/triage-it?replicaSet=rs0&authSource=admin");
        assertThat(RealMongo.inDatabase("mongodb://127.0.0.1:27017", "cooperation-it"))
                .isEqualTo("mongodb://127.0.0.1:27017/cooperation-it");
        assertThat(RealMongo.inDatabase("mongodb://127.0.0.1:27017/?directConnection=true", "cooperation-it"))
                .isEqualTo("mongodb://127.0.0.1:27017/cooperation-it?directConnection=true");
    }
}
