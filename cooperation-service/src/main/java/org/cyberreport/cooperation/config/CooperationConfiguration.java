package org.cyberreport.cooperation.config;

import java.time.Clock;

import org.cyberreport.cooperation.directory.EndpointGuard;
import org.cyberreport.cooperation.forwarding.SigningKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CooperationProperties.class)
class CooperationConfiguration {

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
        return new EndpointGuard(properties.allowedForDevelopment());
    }
}
