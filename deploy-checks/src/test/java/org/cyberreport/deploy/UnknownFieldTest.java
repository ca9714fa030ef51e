package org.cyberreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The schema check can fail: a misspelt field is caught. */
class UnknownFieldTest {

    @Test
    void aMisspeltFieldIsReported() throws Exception {
        Map<String, Object> deployment = Repository.YAML.readValue("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  replica: 2
                  selector: {matchLabels: {app: typo}}
                  template:
                    metadata: {labels: {app: typo}}
                    spec:
                      containers:
                        - name: typo
                          image: example/typo:1.0.0
                          livenessProbes: {}
                """, Map.class);

        List<String> unknown = ManifestTest.unknownFields(deployment);

        assertThat(unknown).hasSize(2);
        assertThat(String.join(" ", unknown)).contains("replica", "livenessProbes");
    }
}
