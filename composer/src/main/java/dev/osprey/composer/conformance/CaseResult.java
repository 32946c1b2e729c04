package dev.osprey.composer.conformance;

import java.util.Objects;

/**
 * The outcome of one conformance case.
 *
 * @param corpus the corpus it comes from: {@code overrides}, {@code basic_sweeper} or {@code defaults}
 * @param name   the case: the override, the sweeper's overrides, or the case folder
 * @param status whether it passed, failed or was skipped as a deliberate deviation
 * @param detail what differed (failed), the reason (skipped), or {@code ""} (passed)
 * @since 0.1
 */
public record CaseResult(String corpus, String name, Status status, String detail) {

    /** How a case ended. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    public CaseResult {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    static CaseResult passed(String corpus, String name) {
        return new CaseResult(corpus, name, Status.PASSED, "");
    }

    static CaseResult failed(String corpus, String name, String detail) {
        return new CaseResult(corpus, name, Status.FAILED, detail);
    }

    static CaseResult skipped(String corpus, String name, String reason) {
        return new CaseResult(corpus, name, Status.SKIPPED, "deliberate deviation: " + reason);
    }
}
