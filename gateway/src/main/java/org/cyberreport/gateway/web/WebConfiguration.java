package org.cyberreport.gateway.web;

import java.util.List;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import reactor.netty.NettyPipeline;

@Configuration
@EnableConfigurationProperties(GatewayProperties.class)
class WebConfiguration {

    /** Malformed request heads are answered with a problem right behind Netty's HTTP decoder. */
    @Bean
    NettyServerCustomizer malformedRequests(RefusalLimits limits, Problems problems, GatewayProperties properties) {
        return server -> server.doOnChannelInit((observer, channel, address) -> channel.pipeline()
                .addAfter(NettyPipeline.HttpCodec, "cyberreport.malformedRequests",
                        new MalformedRequests(limits, problems, properties.requestBodyTimeout(), properties.uploads())));
    }

    /** CORS for the web console's origin only, on the API paths only. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        CorsConfiguration console = new CorsConfiguration();
        console.setAllowedOrigins(properties.consoleOrigins());
        console.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        console.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match", "X-Correlation-Id",
                "X-Purpose"));
        console.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Correlation-Id", "X-Trace-Id",
                "Idempotent-Replayed"));
        console.setAllowCredentials(false);
        console.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", console);
        return source;
    }
}
