package org.cyberreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

class ComposeTest {

    private static final Path COMPOSE = Repository.DEPLOY.resolve("compose/compose.yaml");
    private static final Set<String> APPLICATIONS = Set.of("gateway", "intake", "triage", "cooperation", "console");

    @Test
    void matchesTheComposeSpecificationSchema() throws Exception {
        Set<ValidationMessage> problems = schema().validate(Repository.tree(COMPOSE));

        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAMisspeltKey() throws Exception {
        JsonSchema schema = schema();
        JsonNode broken = Repository.YAML.readTree("services:\n  app:\n    image: x/y:1\n    healtcheck: {}\n");

        assertThat(schema.validate(broken)).isNotEmpty();
    }

    /**
     * The Compose specification's schema (draft 2019-09). It still carries draft-04 {@code id} keywords,
     * which the validator refuses as unknown: they only name the schema, so they are dropped.
     */
    private static JsonSchema schema() throws Exception {
        JsonNode schemaNode = Repository.YAML.readTree(Path.of("target", "compose-schema", "compose-spec.json").toFile());
        dropIdKeywords(schemaNode);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schemaNode);
    }

    private static void dropIdKeywords(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            object.forEach(ComposeTest::dropIdKeywords);
        } else if (node.isArray()) {
            node.forEach(ComposeTest::dropIdKeywords);
        }
    }

    @Test
    void publishesOnlyTheGatewayKeycloakAndTheConsole() {
        List<String> published = new ArrayList<>();
        Repository.tree(COMPOSE).get("services").properties().forEach(service -> {
            if (service.getValue().has("ports")) {
                published.add(service.getKey());
            }
        });

        assertThat(published).containsExactlyInAnyOrder("gateway", "keycloak", "console");
    }

    @Test
    void everyServiceHasAMemoryLimitAHealthCheckAndAVersionedImage() {
        Repository.tree(COMPOSE).get("services").properties().forEach(entry -> {
            JsonNode service = entry.getValue();
            String name = entry.getKey();
            assertThat(service.at("/deploy/resources/limits/memory").asText()).as(name).isNotBlank();
            assertThat(service.get("image").asText()).as(name).doesNotEndWith(":latest").contains(":");
            if (!APPLICATIONS.contains(name)) {
                assertThat(service.has("healthcheck")).as(name + " (applications bring theirs in the image)").isTrue();
            }
            if (service.has("depends_on")) {
                service.get("depends_on").properties().forEach(dependency ->
                        assertThat(dependency.getValue().get("condition").asText()).as(name).isEqualTo("service_healthy"));
            }
        });
    }

    @Test
    void everyMongoDbIsAReplicaSetWithAuthenticationAndTheApplicationsAskForMajority() {
        JsonNode services = Repository.tree(COMPOSE).get("services");
        for (String application : List.of("intake", "triage", "cooperation")) {
            JsonNode database = services.get(application + "-db");
            assertThat(database.get("entrypoint").toString()).contains("--replSet rs0", "--keyFile");
            assertThat(database.at("/environment/MONGO_INITDB_ROOT_PASSWORD").asText()).startsWith("${");
            String uri = services.get(application).at("/environment/" + application.toUpperCase() + "_MONGODB_URI").asText();
            assertThat(uri).contains("replicaSet=rs0", "w=majority", "authSource=" + application);
        }
    }

    @Test
    void theConsoleSignsInWhereKeycloakSendsUsersBackAndCallsTheApiThroughTheGateway() {
        JsonNode services = Repository.tree(COMPOSE).get("services");
        JsonNode console = services.get("console");

        assertThat(console.at("/environment/CONSOLE_API_URL").asText()).isEqualTo("http://gateway:8080");
        assertThat(console.at("/environment/CYBERREPORT_ISSUER").asText())
                .isEqualTo(services.at("/intake/environment/CYBERREPORT_ISSUER").asText());
        // Keycloak registers the console's redirect address from CONSOLE_URL: it must be where the console is published.
        assertThat(services.at("/keycloak/environment/CONSOLE_URL").asText()).isEqualTo("${CONSOLE_URL:-http://localhost:8090}");
        assertThat(console.get("ports").get(0).asText()).isEqualTo("${CONSOLE_PORT:-8090}:8090");
        assertThat(console.at("/depends_on/gateway/condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void secretsComeFromTheEnvFileWhoseExampleNamesEveryOne() {
        String compose = Repository.read(COMPOSE);
        Set<String> required = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(:\\?[^}]*)?}").matcher(compose);
        while (variable.find()) {
            if (variable.group(2) != null) {
                required.add(variable.group(1));
            }
        }
        Set<String> example = new TreeSet<>();
        for (String line : Repository.read(Repository.DEPLOY.resolve("compose/.env.example")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.add(line.substring(0, line.indexOf('=')));
            }
        }

        assertThat(required).isNotEmpty();
        assertThat(example).containsAll(required);
        assertThat(Repository.read(Repository.ROOT.resolve(".gitignore"))).contains("deploy/compose/.env");
        assertThat(Repository.DEPLOY.resolve("compose/.env")).doesNotExist();
    }
}
