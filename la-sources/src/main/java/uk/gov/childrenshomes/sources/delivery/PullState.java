package uk.gov.childrenshomes.sources.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import uk.gov.childrenshomes.sources.pull.PullFailure;

/**
 * What the last pulls of one LA return saw (ETag, Last-Modified, sizes, times, SHA-256s), kept in
 * {@code <inbox>/<la>/.pull-state/<return>.properties} so that an unchanged file is not delivered twice.
 */
public final class PullState {

    private final Path file;
    private final Inbox inbox;
    private final Properties values = new Properties();

    private PullState(Path file, Inbox inbox) {
        this.file = file;
        this.inbox = inbox;
    }

    static PullState load(Path file, Inbox inbox) throws IOException {
        PullState state = new PullState(file, inbox);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                state.values.load(reader);
            }
        }
        return state;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public void put(String key, String value) {
        values.setProperty(key, value);
    }

    public void remove(String key) {
        values.remove(key);
    }

    /** Written to a temporary file and renamed, so a crash leaves the old state or the new, never half of one. */
    public void save() throws PullFailure {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                values.store(out, "written by la-sources; delete to make the next pull fetch everything again");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw inbox.failure("could not save the pull state " + file, e);
        }
    }
}
