package org.cyberreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Every rendered manifest, validated offline against the Kubernetes API types (fabric8's typed model):
 * it must map onto its kind's schema with no field left over, so a misspelt or misplaced field fails.
 */
class ManifestTest {

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    static Stream<Arguments> manifests() {
        List<Arguments> all = new ArrayList<>();
        for (String overlay : List.of("local", "production")) {
            for (Map<String, Object> object : Kustomize.render(Repository.DEPLOY.resolve("k8s/overlays/" + overlay))) {
                all.add(Arguments.of(overlay, object.get("kind") + "/" + Kustomize.metadata(object).get("name"), object));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("manifests")
    void matchesTheKubernetesSchema(String overlay, String name, Map<String, Object> object) throws Exception {
        String yaml = Repository.YAML.writeValueAsString(object);

        Object parsed = KUBERNETES.unmarshal(yaml);

        assertThat(parsed).as("a known kind").isInstanceOf(HasMetadata.class);
        assertThat(parsed.getClass().getSimpleName()).isEqualTo(object.get("kind"));
        assertThat(unknownFields(object)).as("fields the Kubernetes API does not know").isEmpty();
    }

    static List<String> unknownFields(Map<String, Object> object) throws Exception {
        List<String> unknown = new ArrayList<>();
        collectUnknown(KUBERNETES.unmarshal(Repository.YAML.writeValueAsString(object)), "", unknown,
                Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    /** fabric8 keeps fields it does not know in additionalProperties: none may be there. */
    private static void collectUnknown(Object value, String path, List<String> unknown, Set<Object> seen) throws Exception {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectUnknown(entry.getValue(), path + "." + entry.getKey(), unknown, seen);
            }
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                }
                continue;
            }
            collectUnknown(child, path + "." + getter.getName().substring(3), unknown, seen);
        }
    }
}
