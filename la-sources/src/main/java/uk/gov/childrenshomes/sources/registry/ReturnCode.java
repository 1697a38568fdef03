package uk.gov.childrenshomes.sources.registry;

import java.util.Arrays;
import java.util.Optional;

/** The LA returns a source can deliver; each is a folder of the LA's inbox (docs/architecture.md, "The inbox"). */
public enum ReturnCode {
    SSDA903("ssda903"),
    MISSING("missing"),
    OVERSIGHT("oversight");

    private final String folderName;

    ReturnCode(String folderName) {
        this.folderName = folderName;
    }

    public String folderName() {
        return folderName;
    }

    public static Optional<ReturnCode> fromFolderName(String name) {
        return Arrays.stream(values()).filter(code -> code.folderName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return folderName;
    }
}
