package uk.gov.childrenshomes.sources.sftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.childrenshomes.sources.PullReport;
import uk.gov.childrenshomes.sources.delivery.DeliveredFile;
import uk.gov.childrenshomes.sources.delivery.Inbox;
import uk.gov.childrenshomes.sources.delivery.PullState;
import uk.gov.childrenshomes.sources.delivery.SafeFileName;
import uk.gov.childrenshomes.sources.delivery.StagedFile;
import uk.gov.childrenshomes.sources.pull.Causes;
import uk.gov.childrenshomes.sources.pull.PullFailure;
import uk.gov.childrenshomes.sources.pull.PullProgress;
import uk.gov.childrenshomes.sources.pull.Retrier;
import uk.gov.childrenshomes.sources.pull.Seconds;
import uk.gov.childrenshomes.sources.registry.SftpSource;
import uk.gov.childrenshomes.sources.secret.Secret;
import uk.gov.childrenshomes.sources.secret.SecretReader;

/**
 * Pulls an LA return from a folder of the LA's SFTP server (Apache MINA SSHD): the host key must match the pinned
 * known_hosts entry; every regular file whose size or modification time differs from the last pull is downloaded,
 * and delivered when its SHA-256 differs too.
 */
public final class SftpPuller {

    private static final Logger LOG = LoggerFactory.getLogger(SftpPuller.class);

    private final Inbox inbox;
    private final SecretReader secrets;
    private final Retrier retrier;

    public SftpPuller(Inbox inbox, SecretReader secrets, Retrier retrier) {
        this.inbox = inbox;
        this.secrets = secrets;
        this.retrier = retrier;
    }

    public PullReport pull(SftpSource source) {
        long started = System.nanoTime();
        PullProgress progress = new PullProgress();
        try {
            Credential credential = credential(source);
            if (!Files.isRegularFile(source.knownHosts())) {
                throw PullFailure.permanentFailure("known-hosts file " + source.knownHosts() + " does not exist;"
                        + " the server's host key must be pinned there");
            }
            PullState state = inbox.loadState(source.key());
            Map<String, String> refusedFiles = new LinkedHashMap<>();
            retrier.run(source.key(), source.retry(), progress, () -> {
                synchronise(source, credential, state, progress, refusedFiles);
                return null;
            });
            if (!refusedFiles.isEmpty()) {
                throw PullFailure.permanentFailure("refused " + refusedFiles.size() + " remote file(s): "
                        + String.join("; ", refusedFiles.values()));
            }
            return PullReport.finished(source.key(), source.kind(), progress, Duration.ofNanos(System.nanoTime() - started));
        } catch (PullFailure failure) {
            LOG.warn("{}: pull from sftp://{}@{}:{}{} failed: {}", source.key(), source.user(), source.host(),
                    source.port(), source.remoteDir(), failure.reason());
            return PullReport.failed(source.key(), source.kind(), progress, failure,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** One attempt: a session, a listing, and a download of every new or changed file. */
    private void synchronise(SftpSource source, Credential credential, PullState state, PullProgress progress,
                             Map<String, String> refusedFiles) throws PullFailure {
        AtomicReference<String> rejectedHostKey = new AtomicReference<>();
        try (SshClient client = client(source, rejectedHostKey)) {
            client.start();
            try (ClientSession session = connect(client, source, credential, rejectedHostKey);
                 SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                for (RemoteFile file : list(sftp, source, refusedFiles)) {
                    pullIfChanged(sftp, source, file, state, progress);
                }
            }
        } catch (IOException e) {
            if (rejectedHostKey.get() != null) {
                throw hostKeyRefused(source, rejectedHostKey.get());
            }
            throw PullFailure.transientFailure("the SFTP session with " + source.host() + ":" + source.port()
                    + " failed (" + e.getMessage() + ")", e);
        }
    }

    private SshClient client(SftpSource source, AtomicReference<String> rejectedHostKey) {
        SshClient client = SshClient.setUpDefaultClient();
        KnownHostsServerKeyVerifier pinned =
                new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, source.knownHosts());
        client.setServerKeyVerifier((session, address, serverKey) -> {
            boolean accepted = pinned.verifyServerKey(session, address, serverKey);
            if (!accepted) {
                rejectedHostKey.set(KeyUtils.getFingerPrint(serverKey));
            }
            return accepted;
        });
        // A server that goes silent (handshake, listing, mid-file) has its session closed after the read timeout,
        // failing whatever waits on it; the attempt is then retried.
        CoreModuleProperties.IDLE_TIMEOUT.set(client, source.readTimeout());
        return client;
    }

    private ClientSession connect(SshClient client, SftpSource source, Credential credential,
                                  AtomicReference<String> rejectedHostKey) throws IOException, PullFailure {
        ClientSession session;
        try {
            session = client.connect(source.user(), source.host(), source.port())
                    .verify(source.connectTimeout()).getSession();
        } catch (IOException e) {
            // MINA wraps the socket's own exception (refused, unreachable, timed out) in its future's.
            throw PullFailure.transientFailure("could not connect to " + source.host() + ":" + source.port()
                    + " (" + Causes.root(e).getMessage() + ")", e);
        }
        credential.addTo(session);
        AuthFuture authentication = session.auth();
        authentication.await(source.readTimeout());
        if (rejectedHostKey.get() != null) {
            session.close(true);
            throw hostKeyRefused(source, rejectedHostKey.get());
        }
        if (!authentication.isSuccess()) {
            // A session still open after a failed authentication was refused the credential; a closed one was cut off.
            boolean credentialRefused = session.isOpen() && authentication.isDone();
            session.close(true);
            if (credentialRefused) {
                throw PullFailure.permanentFailure("the server refused " + source.credentialKind().name()
                        .toLowerCase().replace('_', ' ') + " authentication as " + source.user());
            }
            throw PullFailure.transientFailure("the SSH handshake and authentication with " + source.host() + ":"
                    + source.port() + " did not complete within " + Seconds.of(source.readTimeout()), null);
        }
        return session;
    }

    private static PullFailure hostKeyRefused(SftpSource source, String fingerprint) {
        return PullFailure.permanentFailure("host key " + fingerprint + " of " + source.host() + ":" + source.port()
                + " is not the one pinned in known-hosts " + source.knownHosts() + "; refused");
    }

    /** The regular files of the remote folder; those refused (name, size) go into {@code refused} with the reason. */
    private static List<RemoteFile> list(SftpClient sftp, SftpSource source, Map<String, String> refused)
            throws IOException, PullFailure {
        List<RemoteFile> files = new ArrayList<>();
        try {
            for (SftpClient.DirEntry entry : sftp.readDir(source.remoteDir())) {
                SftpClient.Attributes attributes = entry.getAttributes();
                if (!attributes.isRegularFile()) {
                    continue; // ".", "..", sub-folders: only plain files are returns
                }
                try {
                    SafeFileName name = SafeFileName.of(entry.getFilename());
                    if (attributes.getSize() > source.maxFileBytes()) {
                        refused.put(entry.getFilename(), name + " is larger than max-file-size ("
                                + source.maxFileBytes() + " bytes)");
                    } else {
                        files.add(new RemoteFile(name, remotePath(source.remoteDir(), entry.getFilename()),
                                attributes.getSize(), attributes.getModifyTime().toMillis()));
                    }
                } catch (SafeFileName.UnsafeFileNameException e) {
                    refused.put(entry.getFilename(), e.getMessage());
                }
            }
        } catch (UncheckedIOException e) {
            // The listing is read lazily while iterating, so its errors arrive wrapped.
            failOnRemoteDirStatus(e.getCause(), source);
            throw e.getCause();
        } catch (SftpException e) {
            failOnRemoteDirStatus(e, source);
            throw e;
        }
        return files;
    }

    /** A missing or unreadable remote folder is a registry or account problem: retrying would not fix it. */
    private static void failOnRemoteDirStatus(IOException error, SftpSource source) throws PullFailure {
        if (error instanceof SftpException sftpError) {
            int status = sftpError.getStatus();
            if (status == SftpConstants.SSH_FX_NO_SUCH_FILE || status == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                throw PullFailure.permanentFailure("remote-dir " + source.remoteDir() + " does not exist on "
                        + source.host());
            }
            if (status == SftpConstants.SSH_FX_PERMISSION_DENIED) {
                throw PullFailure.permanentFailure("remote-dir " + source.remoteDir() + " may not be read by "
                        + source.user());
            }
        }
    }

    private void pullIfChanged(SftpClient sftp, SftpSource source, RemoteFile file, PullState state,
                               PullProgress progress) throws IOException, PullFailure {
        String prefix = "file." + file.name().value() + ".";
        if (state.get(prefix + "size").filter(String.valueOf(file.size())::equals).isPresent()
                && state.get(prefix + "mtime").filter(String.valueOf(file.modifiedMillis())::equals).isPresent()) {
            progress.unchanged(file.name().value());
            return;
        }
        try (StagedFile staged = inbox.stage(source.key()); InputStream in = sftp.read(file.path())) {
            staged.copyFrom(in, source.maxFileBytes(), progress::received);
            SftpClient.Attributes after = sftp.stat(file.path());
            if (staged.size() != file.size() || after.getSize() != file.size()
                    || after.getModifyTime().toMillis() != file.modifiedMillis()) {
                // Most likely the LA is still uploading it: delivering now could hand the ingest half a return.
                throw PullFailure.transientFailure(file.path() + " changed while it was being downloaded", null);
            }
            String sha256 = staged.sha256();
            if (state.get(prefix + "sha256").filter(sha256::equals).isPresent()) {
                LOG.debug("{}: {} was touched but its content is unchanged; not delivered again", source.key(),
                        file.path());
                progress.unchanged(file.name().value());
            } else {
                DeliveredFile delivered = staged.deliverAs(file.name());
                LOG.info("{}: delivered {} ({} bytes, SHA-256 {})", source.key(), delivered.path(), delivered.bytes(),
                        delivered.sha256());
                progress.delivered(delivered);
            }
            state.put(prefix + "size", String.valueOf(file.size()));
            state.put(prefix + "mtime", String.valueOf(file.modifiedMillis()));
            state.put(prefix + "sha256", sha256);
            state.save();
        }
    }

    private Credential credential(SftpSource source) throws PullFailure {
        try {
            if (source.credentialKind() == SftpSource.CredentialKind.PASSWORD) {
                Secret password = secrets.read(source.credential());
                return session -> session.addPasswordIdentity(password.reveal());
            }
            byte[] keyFile = secrets.readFile(Path.of(source.credential().location()));
            List<KeyPair> keys = new ArrayList<>();
            SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(source.credential().location()),
                    new ByteArrayInputStream(keyFile), FilePasswordProvider.EMPTY).forEach(keys::add);
            if (keys.isEmpty()) {
                throw PullFailure.permanentFailure("key-file " + source.credential().location() + " holds no private key");
            }
            return session -> keys.forEach(session::addPublicKeyIdentity);
        } catch (SecretReader.SecretException e) {
            throw PullFailure.permanentFailure(e.getMessage());
        } catch (GeneralSecurityException e) {
            // e.g. "Unsupported key type (ssh-ed25519)": names the type and file, never key material.
            throw PullFailure.permanentFailure("key-file " + source.credential().location() + " cannot be used: "
                    + e.getMessage() + " (RSA and ECDSA keys are supported)");
        } catch (IOException e) {
            throw PullFailure.permanentFailure("key-file " + source.credential().location()
                    + " is not an unencrypted private key in OpenSSH or PEM format (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String remotePath(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    /** How the client proves who it is; holds the key or password read once per pull. */
    @FunctionalInterface
    private interface Credential {
        void addTo(ClientSession session);
    }

    private record RemoteFile(SafeFileName name, String path, long size, long modifiedMillis) {
    }
}
