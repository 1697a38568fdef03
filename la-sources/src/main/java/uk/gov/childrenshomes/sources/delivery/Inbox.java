package uk.gov.childrenshomes.sources.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import uk.gov.childrenshomes.sources.registry.SourceKey;

/**
 * The local inbox the ingest reads ({@code <inbox>/<la>/<return>/}), and the one way files get into it: staged under
 * {@code <inbox>/<la>/.pull-state/incoming/}, then renamed atomically into the return folder, so the ingest never sees
 * a half-written file.
 */
public final class Inbox {

    static final String STATE_FOLDER = ".pull-state";

    private final Path root;

    public Inbox(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Creates the inbox if needed and proves a file can be written in it. */
    public void checkWritable() throws IOException {
        Files.createDirectories(root);
        Files.delete(Files.createTempFile(root, ".write-check", ".tmp"));
    }

    public Path returnFolder(SourceKey key) {
        return root.resolve(key.laCode()).resolve(key.returnCode().folderName());
    }

    public PullState loadState(SourceKey key) throws IOException {
        return PullState.load(folder(stateFolder(key)).resolve(key.returnCode().folderName() + ".properties"));
    }

    /** A new empty file to receive a download; it reaches the return folder only through {@link StagedFile#deliverAs}. */
    public StagedFile stage(SourceKey key) throws IOException {
        Path incoming = folder(stateFolder(key).resolve("incoming"));
        Path returnFolder = folder(returnFolder(key));
        return new StagedFile(Files.createTempFile(incoming, key.returnCode().folderName() + "-", ".part"), returnFolder);
    }

    private Path stateFolder(SourceKey key) {
        return root.resolve(key.laCode()).resolve(STATE_FOLDER);
    }

    /**
     * Creates a folder of the inbox, refusing one that is a symbolic link: a link placed in the inbox must not let a
     * pull write outside it.
     */
    private Path folder(Path folder) throws IOException {
        for (Path step = folder; step != null && step.startsWith(root) && !step.equals(root); step = step.getParent()) {
            if (Files.isSymbolicLink(step)) {
                throw new IOException(step + " is a symbolic link; pulls write only into real folders of the inbox");
            }
        }
        return Files.createDirectories(folder);
    }
}
