package org.cyberreport.gateway.fallback;

import java.util.Map;

import org.cyberreport.gateway.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the caller gets when a service fails, times out or its circuit is open: 503 naming the
 * service. Reached only by the circuit breakers' internal forward; the security chain refuses it from
 * outside.
 */
@RestController
class FallbackController {

    private static final Map<String, String> SERVICES = Map.of("intake", "intake", "triage", "triage",
            "cooperation", "cooperation");

    @RequestMapping("/fallback/{service}")
    ResponseEntity<Map<String, Object>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        String name = SERVICES.getOrDefault(service, "unknown");
        boolean write = !"GET".equals(exchange.getRequest().getMethod().name());
        String detail = "The " + name + " service is unavailable or did not answer in time."
                + (write ? " The request may or may not have been processed: retry it later with the same"
                        + " Idempotency-Key, or read the resource first." : " Try again later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5")
                .body(Problems.body(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                        "A service is unavailable", detail, Map.of("service", name)));
    }
}
