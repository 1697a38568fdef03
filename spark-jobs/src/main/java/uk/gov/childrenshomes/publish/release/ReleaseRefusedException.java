package uk.gov.childrenshomes.publish.release;

import uk.gov.childrenshomes.publish.ees.EesChecker;

import java.util.List;

/** The EES checks failed: nothing was written. Lists every failure. */
public class ReleaseRefusedException extends RuntimeException {

    private final List<EesChecker.Failure> failures;

    public ReleaseRefusedException(List<EesChecker.Failure> failures) {
        super("Release refused: " + failures.size() + " EES check failure(s)");
        this.failures = List.copyOf(failures);
    }

    public List<EesChecker.Failure> failures() {
        return failures;
    }
}
