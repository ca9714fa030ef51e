package org.cyberreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The environment that compose and Kubernetes give each application is exactly made of variables the
 * application reads (the placeholders of its application.yml): a misspelt variable fails here instead
 * of being silently ignored in production.
 */
class EnvironmentVariablesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    @ParameterizedTest
    @CsvSource({"gateway,gateway", "intake,intake-service", "triage,triage-service", "cooperation,cooperation-service",
            "console,console"})
    void composeSetsOnlyWhatTheApplicationReads(String service, String module) {
        Set<String> set = new TreeSet<>();
        Repository.tree(Repository.DEPLOY.resolve("compose/compose.yaml")).at("/services/" + service + "/environment")
                .properties().forEach(entry -> set.add(entry.getKey()));

        assertThat(set).isNotEmpty();
        assertThat(read(module)).containsAll(set);
        assertThat(set).containsAll(essentials(service));
    }

    @ParameterizedTest
    @CsvSource({"gateway,gateway", "intake,intake-service", "triage,triage-service", "cooperation,cooperation-service",
            "console,console"})
    @SuppressWarnings("unchecked")
    void kubernetesSetsOnlyWhatTheApplicationReads(String application, String module) {
        Set<String> set = new TreeSet<>();
        for (var object : Kustomize.render(Repository.DEPLOY.resolve("k8s/overlays/production"))) {
            String name = (String) Kustomize.metadata(object).get("name");
            if ("ConfigMap".equals(object.get("kind")) && name.equals(application + "-config")) {
                set.addAll(((Map<String, Object>) object.get("data")).keySet());
            }
            if ("Deployment".equals(object.get("kind")) && name.equals(application)) {
                JsonNode deployment = Repository.YAML.valueToTree(object);
                deployment.at("/spec/template/spec/containers/0/env").forEach(env -> set.add(env.get("name").asText()));
            }
        }

        assertThat(set).isNotEmpty();
        assertThat(read(module)).containsAll(set);
        assertThat(set).containsAll(essentials(application));
    }

    /** What each application must be given to run outside a workstation. */
    private static Set<String> essentials(String application) {
        String prefix = application.toUpperCase();
        Set<String> essentials = new TreeSet<>(Set.of(prefix + "_BIND_ADDRESS", "CYBERREPORT_ISSUER", "CYBERREPORT_JWK_SET_URI"));
        if (application.equals("gateway")) {
            // the rate limits shared by all gateway replicas
            essentials.addAll(Set.of("GATEWAY_REDIS_URL", "GATEWAY_REDIS_PASSWORD"));
        } else if (application.equals("console")) {
            // no database; the API through the gateway, and Keycloak by an address the server reaches
            essentials.addAll(Set.of("CONSOLE_API_URL", "CONSOLE_CLIENT_SECRET", "CYBERREPORT_TOKEN_URI",
                    "CYBERREPORT_USERINFO_URI"));
        } else {
            essentials.add(prefix + "_MONGODB_URI");
        }
        if (application.equals("intake") || application.equals("triage")) {
            essentials.addAll(Set.of(prefix + "_CLIENT_SECRET", "CYBERREPORT_TOKEN_URI"));
        }
        if (application.equals("cooperation")) {
            essentials.addAll(Set.of("COOPERATION_SIGNING_PRIVATE_KEY", "COOPERATION_SIGNING_PUBLIC_KEY"));
        }
        return essentials;
    }

    private static Set<String> read(String module) {
        String yaml = Repository.read(Repository.ROOT.resolve(module + "/src/main/resources/application.yml"));
        Set<String> variables = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(yaml);
        while (placeholder.find()) {
            variables.add(placeholder.group(1));
        }
        return variables;
    }
}
