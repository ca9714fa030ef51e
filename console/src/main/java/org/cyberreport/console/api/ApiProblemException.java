package org.cyberreport.console.api;

/** The API refused a request with a problem (a 4xx, or a 500 that is a defect of the service). */
public class ApiProblemException extends RuntimeException {

    private final transient ApiProblem problem;

    public ApiProblemException(ApiProblem problem) {
        super(problem.status() + " " + (problem.type() != null ? problem.type() : "") + " " + (problem.detail() != null ? problem.detail() : ""));
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
