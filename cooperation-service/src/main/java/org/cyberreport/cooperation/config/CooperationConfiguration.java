package org.cyberreport.cooperation.config;

import java.time.Clock;
import java.util.List;

import org.cyberreport.cooperation.directory.EndpointGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.cyberreport.cooperation.forwarding.SigningKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CooperationProperties.class)
class CooperationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CooperationConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKeys signingKeys(CooperationProperties properties) {
        CooperationProperties.Signing signing = properties.signing();
        return SigningKeys.load(signing.keyId(), signing.privateKey(), signing.publicKey(), signing.localDevelopmentKeyFile());
    }

    @Bean
    EndpointGuard endpointGuard(CooperationProperties properties) {
        List<String> exempt = properties.allowedForDevelopment().stream().filter(host -> !host.isBlank()).toList();
        if (!exempt.isEmpty()) {
            log.warn("Endpoint forgery checks are off for {} (local development only)", exempt);
        }
        return new EndpointGuard(exempt);
    }
}
