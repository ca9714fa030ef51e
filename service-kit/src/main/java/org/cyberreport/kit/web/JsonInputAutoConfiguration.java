package org.cyberreport.kit.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper every service reads bodies with. Replaces Boot's builder only to give the parser
 * tighter limits (the limits live in the factory, which a customizer cannot replace); Boot's
 * customizers, and so every {@code spring.jackson.*} property, still apply.
 * <ul>
 * <li>duplicate keys are refused: which value would win is otherwise left to chance;</li>
 * <li>at most {@value #MAX_TOKENS} tokens: the largest valid report has about 20,000, and a 200 KB body
 * of 75,000 empty objects is refused while parsing instead of costing seconds of validation;</li>
 * <li>strings of at most {@value #MAX_STRING} characters (fields set tighter bounds), nesting of at most
 * {@value #MAX_DEPTH} levels, numbers of at most {@value #MAX_NUMBER} digits.</li>
 * </ul>
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
public class JsonInputAutoConfiguration {

    static final int MAX_TOKENS = 100_000;
    static final int MAX_STRING = 100_000;
    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER = 64;

    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxTokenCount(MAX_TOKENS).maxStringLength(MAX_STRING)
                        .maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_NUMBER).build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(JsonInputRules.module());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
