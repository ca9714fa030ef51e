package org.cyberreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/** What a reviewer of the manifests would check by hand, checked on every rendered overlay. */
class KubernetesRulesTest {

    private static final List<String> APPLICATIONS = List.of("gateway", "intake", "triage", "cooperation", "console");
    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(secret|password|private|token_value|mongodb_uri).*");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void applicationsHaveSeparateProbesResourcesAutoscalingAndADisruptionBudget(String overlay) {
        List<JsonNode> objects = render(overlay);
        for (String application : APPLICATIONS) {
            JsonNode container = find(objects, "Deployment", application).at("/spec/template/spec/containers/0");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/resources/requests/memory").asText()).isNotBlank();
            assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(find(objects, "HorizontalPodAutoscaler", application)).isNotNull();
            assertThat(find(objects, "PodDisruptionBudget", application)).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void imagesAreVersionedAndNeverLatest(String overlay) {
        for (JsonNode object : render(overlay)) {
            object.at("/spec/template/spec/containers").forEach(container -> {
                String image = container.get("image").asText();
                assertThat(image).contains(":").doesNotEndWith(":latest");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void secretsAreReferencedAndNeverInConfigMaps(String overlay) {
        List<JsonNode> objects = render(overlay);
        for (JsonNode object : objects) {
            if (object.get("kind").asText().equals("ConfigMap")) {
                object.get("data").fieldNames().forEachRemaining(key ->
                        assertThat(key).as(object.at("/metadata/name").asText()).doesNotMatch(SECRET_LOOKING));
            }
            object.at("/spec/template/spec/containers").forEach(container -> container.path("env").forEach(env -> {
                if (env.get("name").asText().matches(SECRET_LOOKING.pattern())) {
                    assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).as(env.get("name").asText()).isNotBlank();
                }
            }));
        }
        boolean local = overlay.equals("local");
        assertThat(objects.stream().anyMatch(o -> o.get("kind").asText().equals("Secret"))).isEqualTo(local);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void networkPoliciesDenyByDefaultAndLetEachDatabaseHearOnlyItsServiceAndRedisOnlyTheGateway(String overlay) {
        List<JsonNode> objects = render(overlay);
        JsonNode deny = find(objects, "NetworkPolicy", "default-deny-ingress");
        assertThat(deny.at("/spec/podSelector").isEmpty()).isTrue();
        for (String service : List.of("intake", "triage", "cooperation")) {
            JsonNode policy = find(objects, "NetworkPolicy", service + "-db-from-" + service);
            List<String> sources = policy.at("/spec/ingress/0/from").findValuesAsText("app.kubernetes.io/name");
            assertThat(sources).containsExactlyInAnyOrder(service, service + "-db", service + "-db-init");
        }
        JsonNode redis = find(objects, "NetworkPolicy", "redis-from-gateway");
        assertThat(redis.at("/spec/ingress/0/from").findValuesAsText("app.kubernetes.io/name")).containsExactly("gateway");
        JsonNode gateway = find(objects, "NetworkPolicy", "gateway-from-ingress");
        assertThat(gateway.at("/spec/ingress/0/from/0/namespaceSelector")).isNotNull();
        JsonNode ingress = find(objects, "Ingress", "cyberreport");
        assertThat(ingress.at("/spec/rules").findValuesAsText("name")).containsExactlyInAnyOrder("gateway", "keycloak");
        JsonNode console = find(objects, "NetworkPolicy", "console-from-ingress");
        assertThat(console.at("/spec/ingress/0/from/0/namespaceSelector")).isNotNull();
        assertThat(console.at("/spec/ingress/0/from").findValuesAsText("app.kubernetes.io/name")).isEmpty();
        assertThat(find(objects, "NetworkPolicy", "gateway-from-console").at("/spec/ingress/0/from")
                .findValuesAsText("app.kubernetes.io/name")).containsExactly("console");
        assertThat(find(objects, "NetworkPolicy", "keycloak-from-ingress-and-services").at("/spec/ingress/0/from")
                .findValuesAsText("app.kubernetes.io/name")).contains("console");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theConsoleIsReachedOnItsOwnHostWithEachBrowserKeptOnOneReplica(String overlay) {
        List<JsonNode> objects = render(overlay);
        JsonNode ingress = find(objects, "Ingress", "console");

        assertThat(ingress.at("/spec/rules").findValuesAsText("name")).containsExactly("console");
        assertThat(ingress.at("/metadata/annotations").get("nginx.ingress.kubernetes.io/affinity").asText()).isEqualTo("cookie");
        assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo(ingress.at("/spec/rules/0/host").asText());
        // Keycloak sends users back to the console's own host, and the console reads Keycloak's tokens as the others do.
        JsonNode keycloak = find(objects, "Deployment", "keycloak").at("/spec/template/spec/containers/0/env");
        JsonNode consoleUrl = java.util.stream.StreamSupport.stream(keycloak.spliterator(), false)
                .filter(env -> env.get("name").asText().equals("CONSOLE_URL")).findFirst().orElseThrow();
        assertThat(consoleUrl.get("value").asText()).isEqualTo("https://" + ingress.at("/spec/rules/0/host").asText());
        JsonNode config = find(objects, "ConfigMap", "console-config").get("data");
        assertThat(config.get("CYBERREPORT_ISSUER").asText())
                .isEqualTo(find(objects, "ConfigMap", "intake-config").at("/data/CYBERREPORT_ISSUER").asText());
        assertThat(config.get("CONSOLE_API_URL").asText()).isEqualTo("http://gateway:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachServiceHasAMongoDbReplicaSetOfItsOwn(String overlay) {
        List<JsonNode> objects = render(overlay);
        for (String service : List.of("intake", "triage", "cooperation")) {
            JsonNode database = find(objects, "StatefulSet", service + "-db");
            assertThat(database.at("/spec/template/spec/containers/0/args").toString()).contains("--replSet", "--keyFile");
            assertThat(database.at("/spec/replicas").asInt()).isEqualTo(overlay.equals("local") ? 1 : 3);
            assertThat(find(objects, "ConfigMap", service + "-db-init").at("/data/MEMBERS").asText())
                    .isEqualTo(overlay.equals("local") ? "1" : "3");
        }
    }

    private static List<JsonNode> render(String overlay) {
        return Kustomize.render(Repository.DEPLOY.resolve("k8s/overlays/" + overlay)).stream()
                .map(object -> (JsonNode) Repository.YAML.valueToTree(object)).toList();
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.get("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
