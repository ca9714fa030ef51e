package org.cyberreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ImageAndRealmTest {

    @Test
    void theImageRunsAsAnUnprivilegedUserInLayersWithAHealthCheck() {
        String dockerfile = Repository.read(Repository.DEPLOY.resolve("images/Dockerfile"));

        assertThat(dockerfile).containsPattern("(?m)^USER 10001:10001$");
        assertThat(dockerfile).contains("HEALTHCHECK", "jarmode=tools", "--layers", "MaxRAMPercentage");
        assertThat(dockerfile.lines().filter(line -> line.startsWith("COPY --from=layers")).count()).isEqualTo(4);
        assertThat(dockerfile).doesNotContain(":latest");
        assertThat(Repository.read(Repository.DEPLOY.resolve("images/build.sh"))).contains("TAG=").doesNotContain(":latest");
    }

    @Test
    void theKubernetesRealmIsTheProductionRealm() {
        assertThat(Repository.read(Repository.DEPLOY.resolve("k8s/base/keycloak-realm.json")))
                .isEqualTo(Repository.read(Repository.DEPLOY.resolve("keycloak/cyberreport-realm.production.json")));
    }

    @Test
    void theProductionRealmHasNoDemoUsersNoPasswordGrantAndNoSecretsOfItsOwn() {
        JsonNode production = Repository.tree(Repository.DEPLOY.resolve("keycloak/cyberreport-realm.production.json"));
        JsonNode local = Repository.tree(Repository.DEPLOY.resolve("keycloak/cyberreport-realm.json"));

        production.get("users").forEach(user -> assertThat(user.has("serviceAccountClientId")).isTrue());
        production.get("clients").forEach(client -> {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
            if (client.has("secret")) {
                assertThat(client.get("secret").asText()).matches("\\$\\{[A-Z_]+}");
            }
        });
        assertThat(production.get("roles")).isEqualTo(local.get("roles"));
        assertThat(production.get("components")).isEqualTo(local.get("components"));
    }
}
