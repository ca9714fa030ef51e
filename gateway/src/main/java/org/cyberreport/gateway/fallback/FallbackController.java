package org.cyberreport.gateway.fallback;

import java.util.Map;

import org.cyberreport.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * What the caller gets when a service fails, times out or its circuit is open: 503 naming the
 * service. Reached only by the circuit breakers' internal forward; the security chain refuses it from
 * outside.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);
    private static final Map<String, String> SERVICES = Map.of("intake", "intake", "triage", "triage",
            "cooperation", "cooperation");
    private static final ServiceFailure SERVICE_FAILURE = new ServiceFailure();

    @RequestMapping("/fallback/{service}")
    ResponseEntity<Map<String, Object>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        String name = SERVICES.getOrDefault(service, "unknown");
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure != null && !(failure instanceof CallNotPermittedException) && !SERVICE_FAILURE.test(failure)) {
            // The service did not fail, so "unavailable" would be a lie: this is a defect of the gateway's.
            log.error("Defect: a request to {} failed without the service failing", name, failure);
            return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.body(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                            "The gateway could not relay the request", Map.of()));
        }
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
