package org.cyberreport.kit.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.cyberreport.kit.problem.ProblemKind;

/**
 * Tomcat refuses some requests before any servlet runs (a path with {@code %2F}, {@code %00} or bytes
 * that are not UTF-8, a header with control bytes) and answers them with its HTML error page. This
 * valve answers them as problems instead, like every other refusal. Public with a no-argument
 * constructor because Tomcat creates it by its class name.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + kind.type() + "\",\"title\":\"" + kind.title() + "\",\"status\":" + status
                        + ",\"detail\":\"The request was refused before it reached the service: its request line, "
                        + "path or headers are not acceptable\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The connection is gone or the answer already started: nothing more can be said.
        }
    }
}
