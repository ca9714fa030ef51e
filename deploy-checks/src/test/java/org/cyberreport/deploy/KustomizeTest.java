package org.cyberreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.type.TypeReference;

class KustomizeTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyOverlayRenders(String overlay) {
        List<Map<String, Object>> objects = Kustomize.render(Repository.DEPLOY.resolve("k8s/overlays/" + overlay));

        assertThat(objects).extracting(o -> o.get("kind")).contains("Deployment", "StatefulSet", "Service",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Ingress", "ConfigMap", "Job");
        assertThat(objects).allSatisfy(o -> assertThat(Kustomize.metadata(o).get("namespace"))
                .isEqualTo(overlay.equals("local") ? "cyberreport-local" : "cyberreport"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void rendersAsKubectlDoesWhereKubectlExists(String overlay) throws Exception {
        String kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl is not on the PATH: the Java rendering is checked by the other tests only");
        Path directory = Repository.DEPLOY.resolve("k8s/overlays/" + overlay);
        Process process = new ProcessBuilder(kubectl, "kustomize", directory.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<Map<String, Object>> theirs = Repository.YAML.readerFor(new TypeReference<Map<String, Object>>() { })
                .<Map<String, Object>>readValues(output).readAll();

        assertThat(sorted(Kustomize.render(directory))).isEqualTo(sorted(theirs));
    }

    /** Sorted by kind and name; Secret values compared as the bytes they encode (kubectl wraps long Base64). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sorted(List<Map<String, Object>> objects) {
        objects.stream().filter(o -> "Secret".equals(o.get("kind"))).forEach(secret ->
                ((Map<String, Object>) secret.get("data")).replaceAll((key, value) -> ((String) value).replaceAll("\\s", "")));
        return objects.stream().sorted(Comparator.comparing((Map<String, Object> o) -> (String) o.get("kind"))
                .thenComparing(o -> (String) Kustomize.metadata(o).get("name"))).toList();
    }

    private static String onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(directory, command);
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }
}
