package uk.gov.childrenshomes.sources.registry;

import java.util.List;

/** The registry file cannot be used; one problem per line, each naming its entry ({@code <la>.<return>}). */
public final class RegistryException extends Exception {

    private final List<String> problems;

    public RegistryException(String file, List<String> problems) {
        super("source registry " + file + " has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
