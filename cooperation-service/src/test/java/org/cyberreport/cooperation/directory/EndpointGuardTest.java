package org.cyberreport.cooperation.directory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointGuardTest {

    private final EndpointGuard guard = new EndpointGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {
            "http://93.184.215.14/liaison",              // not https
            "https://127.0.0.1/liaison",                 // loopback
            "https://localhost/liaison",                 // resolves to loopback
            "https://10.1.2.3/liaison",                  // private
            "https://172.16.0.9/liaison",                // private
            "https://192.168.1.10/liaison",              // private
            "https://169.254.169.254/latest/meta-data",  // link-local, cloud metadata
            "https://100.64.0.1/liaison",                // carrier-grade NAT
            "https://0.0.0.0/liaison",                   // any
            "https://[::1]/liaison",                     // IPv6 loopback
            "https://[fd00::1]/liaison",                 // IPv6 unique local
            "https://[fe80::1]/liaison",                 // IPv6 link-local
            "https://[::ffff:127.0.0.1]/liaison",        // IPv4-mapped loopback
            "https://[::a00:1]/liaison",                 // IPv4-compatible 10.0.0.1
            "https://[64:ff9b::a00:1]/liaison",          // NAT64 of 10.0.0.1
            "https://[2002:a00:1::1]/liaison",           // 6to4 of 10.0.0.1
            "https://user:secret@93.184.215.14/liaison", // credentials
            "https://no-such-host.invalid/liaison",      // does not resolve
            "ftp://93.184.215.14/liaison",
            "not a url"})
    void refusesEndpointsThatCouldReachInside(String endpoint) {
        assertThatThrownBy(() -> guard.check(endpoint)).isInstanceOf(UnsafeEndpoint.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/liaison", "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/inbox"})
    void acceptsHttpsToPublicAddresses(String endpoint) {
        assertThatCode(() -> guard.check(endpoint)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8099/fr", "https://127.0.0.1/fr"})
    void exemptsOnlyTheLocalDevelopmentAllowList(String endpoint) {
        EndpointGuard development = new EndpointGuard(List.of("127.0.0.1"));

        assertThatCode(() -> development.check(endpoint)).doesNotThrowAnyException();
        assertThatThrownBy(() -> development.check("http://10.0.0.1/fr")).isInstanceOf(UnsafeEndpoint.class);
    }
}
