package uk.gov.childrenshomes.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A short name for a JVM in the report, from its command line: {@code WarehouseCli up}, {@code datapack-jobs.jar ingest}. */
final class JvmLabel {

    /** JVM options whose value is the next argument. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p",
            "--module-path", "--add-opens", "--add-exports", "--add-modules", "--add-reads");

    private JvmLabel() {
    }

    static String of(List<String> commandLine) {
        for (int i = 1; i < commandLine.size(); i++) {
            String argument = commandLine.get(i);
            if (argument.equals("-jar") && i + 1 < commandLine.size()) {
                return withFirstArgument(Path.of(commandLine.get(i + 1)).getFileName().toString(), commandLine, i + 2);
            }
            if (OPTIONS_WITH_VALUE.contains(argument)) {
                i++;
            } else if (!argument.startsWith("-")) {
                return withFirstArgument(argument.substring(argument.lastIndexOf('.') + 1), commandLine, i + 1);
            }
        }
        return "java " + String.join(" ", commandLine.subList(1, commandLine.size())).strip();
    }

    private static String withFirstArgument(String program, List<String> commandLine, int next) {
        if (next < commandLine.size() && !commandLine.get(next).startsWith("-")) {
            return program + " " + commandLine.get(next);
        }
        return program;
    }
}
