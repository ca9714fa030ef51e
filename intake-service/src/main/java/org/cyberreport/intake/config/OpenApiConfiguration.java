package org.cyberreport.intake.config;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

@Configuration
@OpenAPIDefinition(info = @Info(title = "Intake API", version = "1",
        description = "Police units file, amend, withdraw and follow cybercrime reports. Errors are RFC 9457 "
                + "problem details whose type is a stable urn:cyberreport:problem:* URI."),
        security = @SecurityRequirement(name = "keycloak"))
@SecurityScheme(name = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    /** Every operation can answer with these problems; the schema is the RFC 9457 problem detail. */
    @Bean
    OpenApiCustomizer problemResponsesInOpenApi() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                var responses = operation.getResponses();
                add(responses, "400", "Invalid input; 'errors' lists each failing field");
                add(responses, "401", "Missing or invalid bearer token");
                add(responses, "403", "The caller's role does not allow this operation");
                add(responses, "404", "No such report within the caller's scope");
                add(responses, "413", "The body exceeds the size limit");
                add(responses, "415", "The body is not application/json");
                add(responses, "429", "Too many requests from this caller (answered by the gateway, with Retry-After)");
                add(responses, "503", "The database or, through the gateway, the service is unavailable; nothing was stored");
                if (operation.getOperationId() != null && !operation.getOperationId().startsWith("list")
                        && !operation.getOperationId().startsWith("read")) {
                    add(responses, "409", "The report's state does not allow this, or a concurrent change");
                    add(responses, "412", "If-Match names another version");
                    add(responses, "422", "The request cannot be processed (e.g. an idempotency key reused)");
                }
                add(responses, "500", "Unexpected error; quote the correlation id");
            }));
        };
    }

    private static void add(io.swagger.v3.oas.models.responses.ApiResponses responses, String status, String text) {
        ApiResponse response = new ApiResponse().description(text).content(new Content()
                .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM))));
        responses.putIfAbsent(status, response);
        responses.get(status).setContent(response.getContent());
    }

    private static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema());
        error.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.addProperty("type", new StringSchema().example("urn:cyberreport:problem:validation-failed"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("correlationId", new StringSchema());
        problem.addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(error));
        return problem;
    }
}
