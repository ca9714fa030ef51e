package org.cyberreport.console.api;

import java.net.http.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user's tokens live in the server-side HTTP session (never in the browser) and are refreshed
 * there; the API client adds the access token to each call.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    static final String REGISTRATION = "keycloak";

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    @Bean
    Gateway gateway(RestClient.Builder builder, ApiProperties api, OAuth2AuthorizedClientManager authorizedClientManager,
                    CircuitBreakerRegistry breakers, JsonMapper json) {
        // HTTP/1.1 from the start: the platform's servers speak it in clear text, so an h2c upgrade offer
        // on every new connection would only add a code path to each exchange.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(api.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(api.readTimeout());
        OAuth2ClientHttpRequestInterceptor userToken = new OAuth2ClientHttpRequestInterceptor(authorizedClientManager);
        userToken.setClientRegistrationIdResolver(request -> REGISTRATION);
        RestClient rest = builder.baseUrl(api.baseUrl().toString())
                .requestFactory(requests)
                .requestInterceptor(userToken)
                .build();
        return new Gateway(rest, breakers.circuitBreaker("gateway"), json);
    }
}
