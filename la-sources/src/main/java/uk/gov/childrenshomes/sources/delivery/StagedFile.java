package uk.gov.childrenshomes.sources.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.childrenshomes.sources.pull.PullFailure;

/**
 * A download in progress: bytes go to a temporary file while their SHA-256 is computed. {@link #deliverAs} renames it
 * into the return folder; {@link #close} without delivery deletes it, so a failed or unchanged download leaves nothing.
 */
public final class StagedFile implements AutoCloseable {

    private static final int BUFFER_SIZE = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(StagedFile.class);

    private final Path temporary;
    private final Path returnFolder;
    private final Inbox inbox;
    private final FileChannel channel;
    private final MessageDigest digest;
    private long size;
    private String sha256;
    private boolean delivered;

    StagedFile(Path temporary, Path returnFolder, Inbox inbox) throws IOException {
        this.temporary = temporary;
        this.returnFolder = returnFolder;
        this.inbox = inbox;
        this.channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Copies a download to its end. {@code chunkReceived} is told the size of every chunk as it arrives (progress for
     * a stall watchdog, byte counts for the report).
     *
     * @throws IOException  reading failed: the transfer broke
     * @throws PullFailure  the download passed {@code maxBytes}, or writing failed (the inbox is the problem)
     */
    public void copyFrom(InputStream in, long maxBytes, LongConsumer chunkReceived) throws IOException, PullFailure {
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            chunkReceived.accept(read);
            if (size + read > maxBytes) {
                throw PullFailure.permanentFailure("the file is larger than max-file-size (" + maxBytes
                        + " bytes); nothing delivered");
            }
            digest.update(buffer, 0, read);
            try {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            } catch (IOException e) {
                throw inbox.failure("could not write " + temporary, e);
            }
            size += read;
        }
    }

    public long size() {
        return size;
    }

    /** The content's SHA-256 in lower-case hex; ends the copy (forcing the bytes to disk first). */
    public String sha256() throws PullFailure {
        if (sha256 == null) {
            try {
                channel.force(true);
                channel.close();
            } catch (IOException e) {
                throw inbox.failure("could not write " + temporary, e);
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        return sha256;
    }

    /** Atomically places the content in the return folder as {@code name}, replacing an earlier version. */
    public DeliveredFile deliverAs(SafeFileName name) throws PullFailure {
        String contentSha256 = sha256();
        Path target = returnFolder.resolve(name.value());
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw inbox.failure("could not move " + temporary + " to " + target, e);
        }
        delivered = true;
        return new DeliveredFile(target, size, contentSha256);
    }

    @Override
    public void close() {
        try {
            channel.close();
            if (!delivered) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // Nothing reaches the return folder without deliverAs, so a leftover here is litter, not a wrong file.
            LOG.warn("could not remove the staged download {}: {}", temporary, e.toString());
        }
    }
}
