package uk.gov.childrenshomes.jobs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party SSDA903 samples in the real format ({@code shared/samples/ssda903-fake-data}, MIT), which sit
 * beside the repository on every machine that builds it, CI included. Tests copy them before use: never edited.
 */
public final class SharedSamples {

    private SharedSamples() {
    }

    /** The samples folder, found from DATAPACK_REPO_ROOT (set for every test by the parent pom's Surefire). */
    public static Path ssda903FakeData() {
        String repository = System.getenv("DATAPACK_REPO_ROOT");
        if (repository == null) {
            throw new IllegalStateException("DATAPACK_REPO_ROOT is not set: run the tests through Maven (the parent pom sets it)");
        }
        Path samples = Path.of(repository).resolve("../shared/samples/ssda903-fake-data").normalize();
        if (!Files.isDirectory(samples)) {
            throw new IllegalStateException("The SSDA903 samples are not at " + samples
                    + ": the repository must sit beside the shared/ folder, as it does on CI");
        }
        return samples;
    }
}
