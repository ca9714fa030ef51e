package org.cyberreport.console.liaison;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

/** A liaison's answer and refusal forms, named as in the cooperation API's bodies. */
final class LiaisonForms {

    private LiaisonForms() {
    }

    public static class AnswerForm {
        public String text;
        /** For a preservation: the last day the data is kept (sent as the end of that day, UTC). */
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        public LocalDate preservedUntil;

        /** The cooperation API's body. */
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("text", text);
            if (preservedUntil != null) {
                body.put("preservedUntil", preservedUntil.atTime(23, 59, 59).toInstant(ZoneOffset.UTC).toString());
            }
            return body;
        }
    }

    public static class RefusalForm {
        public String reason;
    }
}
