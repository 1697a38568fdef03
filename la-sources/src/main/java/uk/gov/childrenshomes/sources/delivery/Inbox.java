package uk.gov.childrenshomes.sources.delivery;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import uk.gov.childrenshomes.sources.pull.PullFailure;
import uk.gov.childrenshomes.sources.registry.SourceKey;

/**
 * The local inbox the ingest reads ({@code <inbox>/<la>/<return>/}), and the one way files get into it: staged under
 * {@code <inbox>/<la>/.pull-state/incoming/}, then renamed atomically into the return folder, so the ingest never sees
 * a half-written file.
 */
public final class Inbox {

    private static final String STATE_FOLDER = ".pull-state";
    private static final String INCOMING_FOLDER = "incoming";
    private static final String STAGED_SUFFIX = ".part";

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

    public PullState loadState(SourceKey key) throws PullFailure {
        Path file = stateFolder(key).resolve(key.returnCode().folderName() + ".properties");
        try {
            folder(file.getParent());
            return PullState.load(file, this);
        } catch (IOException e) {
            throw failure("could not read the pull state " + file, e);
        }
    }

    /**
     * Takes the pull lock of one LA return, refusing (not waiting) when another pull holds it. With the lock held no
     * other pull of the return is staging, so staged files a crashed pull left behind are removed.
     */
    public PullLock lock(SourceKey key) throws PullFailure {
        Path lockFile = stateFolder(key).resolve(key.returnCode().folderName() + ".lock");
        FileChannel channel = null;
        try {
            folder(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw PullFailure.permanentFailure("another pull of " + key + " is in progress (" + lockFile
                        + " is locked); this one did nothing");
            }
            PullLock held = new PullLock(channel, lock);
            removeLeftoverStagedFiles(key);
            return held;
        } catch (IOException e) {
            closeQuietly(channel);
            throw failure("could not lock " + lockFile, e);
        }
    }

    /** A new empty file to receive a download; it reaches the return folder only through {@link StagedFile#deliverAs}. */
    public StagedFile stage(SourceKey key) throws PullFailure {
        try {
            Path incoming = folder(stateFolder(key).resolve(INCOMING_FOLDER));
            Path returnFolder = folder(returnFolder(key));
            return new StagedFile(Files.createTempFile(incoming, stagedPrefix(key), STAGED_SUFFIX), returnFolder, this);
        } catch (IOException e) {
            throw failure("could not stage a download", e);
        }
    }

    /**
     * The inbox cannot be written: permanent, as retrying the server would not help, and said as an inbox problem so
     * the operator looks at the disk, not at the LA.
     */
    PullFailure failure(String what, IOException cause) {
        return PullFailure.permanentFailure("the inbox " + root + " failed: " + what + " (" + cause + ")", cause);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private void removeLeftoverStagedFiles(SourceKey key) throws IOException {
        Path incoming = stateFolder(key).resolve(INCOMING_FOLDER);
        if (!Files.isDirectory(incoming)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(incoming, stagedPrefix(key) + "*" + STAGED_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static String stagedPrefix(SourceKey key) {
        return key.returnCode().folderName() + "-";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException alreadyFailing) {
                // the lock failure being reported matters more
            }
        }
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
