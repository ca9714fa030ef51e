package org.cyberreport.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the project's Kustomize overlays in Java, so that CI needs no kubectl: the features the
 * overlays use (resources, namespace, images, replicas, JSON 6902 patches, ConfigMap and Secret
 * generators without name hashes, with labels), and fails on any other, so an overlay cannot silently use one it
 * does not render. Where kubectl exists, {@code KustomizeTest} checks that both render the same.
 */
final class Kustomize {

    private static final List<String> SUPPORTED = List.of("apiVersion", "kind", "resources", "namespace", "images",
            "replicas", "patches", "configMapGenerator", "secretGenerator", "generatorOptions");

    private Kustomize() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path directory) {
        Map<String, Object> kustomization = Repository.documents(directory.resolve("kustomization.yaml")).getFirst();
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(directory + ": kustomization field '" + field + "' is not rendered here");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String resource : list(kustomization, "resources", String.class)) {
            Path path = directory.resolve(resource).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : Repository.documents(path));
        }
        Map<String, Object> options = (Map<String, Object>) kustomization.getOrDefault("generatorOptions", Map.of());
        boolean generates = kustomization.containsKey("configMapGenerator") || kustomization.containsKey("secretGenerator");
        if (generates && !Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
            throw new IllegalArgumentException(directory + ": generators need disableNameSuffixHash: true here");
        }
        for (Map<String, Object> generator : list(kustomization, "configMapGenerator", Map.class)) {
            Map<String, Object> data = new LinkedHashMap<>();
            for (String file : list(generator, "files", String.class)) {
                String[] keyAndPath = file.contains("=") ? file.split("=", 2) : new String[] {Path.of(file).getFileName().toString(), file};
                data.put(keyAndPath[0], Repository.read(directory.resolve(keyAndPath[1])));
            }
            Map<String, Object> configMap = object("v1", "ConfigMap", (String) generator.get("name"), "data", data);
            Map<String, Object> generated = (Map<String, Object>) generator.getOrDefault("options", Map.of());
            for (String option : generated.keySet()) {
                if (!option.equals("labels")) {
                    throw new IllegalArgumentException(directory + ": generator option '" + option + "' is not rendered here");
                }
            }
            if (generated.containsKey("labels")) {
                metadata(configMap).put("labels", new LinkedHashMap<>((Map<String, Object>) generated.get("labels")));
            }
            objects.add(configMap);
        }
        for (Map<String, Object> generator : list(kustomization, "secretGenerator", Map.class)) {
            Map<String, Object> data = new LinkedHashMap<>();
            for (String file : list(generator, "envs", String.class)) {
                for (String line : Repository.read(directory.resolve(file)).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] pair = line.split("=", 2);
                        data.put(pair[0].trim(), Base64.getEncoder().encodeToString(pair[1].getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            Map<String, Object> secret = object("v1", "Secret", (String) generator.get("name"), "data", data);
            secret.put("type", "Opaque");
            objects.add(secret);
        }
        String namespace = (String) kustomization.get("namespace");
        for (Map<String, Object> object : objects) {
            if (namespace != null) {
                metadata(object).put("namespace", namespace);
            }
            for (Map<String, Object> image : list(kustomization, "images", Map.class)) {
                retag(object, image);
            }
            for (Map<String, Object> replicas : list(kustomization, "replicas", Map.class)) {
                if (List.of("Deployment", "StatefulSet").contains(object.get("kind"))
                        && replicas.get("name").equals(metadata(object).get("name"))) {
                    spec(object).put("replicas", replicas.get("count"));
                }
            }
            for (Map<String, Object> patch : list(kustomization, "patches", Map.class)) {
                Map<String, Object> target = (Map<String, Object>) patch.get("target");
                if (target.get("kind").equals(object.get("kind"))
                        && (target.get("name") == null || target.get("name").equals(metadata(object).get("name")))) {
                    JsonPatch.apply(object, readList((String) patch.get("patch")));
                }
            }
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static void retag(Map<String, Object> object, Map<String, Object> image) {
        Map<String, Object> spec = (Map<String, Object>) object.get("spec");
        if (spec == null || !(spec.get("template") instanceof Map<?, ?> template)) {
            return;
        }
        Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) template).get("spec");
        for (String list : List.of("containers", "initContainers")) {
            for (Map<String, Object> container : (List<Map<String, Object>>) podSpec.getOrDefault(list, List.of())) {
                String current = (String) container.get("image");
                String name = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                String tag = current.contains(":") ? current.substring(current.lastIndexOf(':') + 1) : null;
                if (name.equals(image.get("name"))) {
                    String newName = (String) image.getOrDefault("newName", name);
                    String newTag = (String) image.getOrDefault("newTag", tag);
                    container.put("image", newTag == null ? newName : newName + ":" + newTag);
                }
            }
        }
    }

    private static List<Object> readList(String yaml) {
        try {
            return Repository.YAML.readValue(yaml, List.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("Unreadable patch: " + yaml, e);
        }
    }

    private static Map<String, Object> object(String apiVersion, String kind, String name, String field, Object value) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        object.put("metadata", metadata);
        object.put(field, value);
        return object;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> map, String field, Class<T> type) {
        return (List<T>) map.getOrDefault(field, List.of());
    }
}
