package uk.gov.childrenshomes.sources.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real Apache MINA SSHD server with SFTP on loopback, serving a temporary folder as its whole file system. It
 * accepts user {@link #USER} by the client key it generates or by {@link #PASSWORD}.
 */
public final class LocalSftpServer implements AutoCloseable {

    public static final String USER = "la-upload";
    public static final String PASSWORD = "sftp-password-8e21";

    private final SshServer server;
    private final KeyPair clientKey;
    private final Path root;
    private final AtomicReference<Consumer<Path>> firstOpenHook = new AtomicReference<>();

    private LocalSftpServer(SshServer server, KeyPair clientKey, Path root) {
        this.server = server;
        this.clientKey = clientKey;
        this.root = root;
    }

    public static LocalSftpServer start(Path root, Path hostKeyFile) throws IOException, GeneralSecurityException {
        KeyPair clientKey = newEcKeyPair();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        // The default EC key is P-521, several times slower to generate; P-256 keeps each test's start short.
        hostKeys.setAlgorithm("EC");
        hostKeys.setKeySize(256);
        server.setKeyPairProvider(hostKeys);
        server.setPublickeyAuthenticator((user, key, session) ->
                USER.equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        LocalSftpServer local = new LocalSftpServer(server, clientKey, root);
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void open(ServerSession session, String remoteHandle, Handle localHandle) {
                if (localHandle instanceof FileHandle) {
                    Consumer<Path> hook = local.firstOpenHook.getAndSet(null);
                    if (hook != null) {
                        hook.accept(localHandle.getFile());
                    }
                }
            }
        });
        return local;
    }

    /** Runs {@code hook} on the file a client next opens for reading, so a file can change mid-download. */
    public void onFirstOpen(Consumer<Path> hook) {
        firstOpenHook.set(hook);
    }

    public int port() {
        return server.getPort();
    }

    public Path root() {
        return root;
    }

    /** A known_hosts file pinning this server's real host key. */
    public Path writeKnownHosts(Path file) throws IOException, GeneralSecurityException {
        return writeKnownHostsPinning(file, hostKey());
    }

    /** A known_hosts file pinning some other key for this server's address: what a man in the middle looks like. */
    public Path writeKnownHostsPinning(Path file, PublicKey key) throws IOException {
        return Files.writeString(file, "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key) + "\n");
    }

    /** The client's private key as an OpenSSH key file with mode 600. */
    public Path writeClientKey(Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "la-sources test", null, out);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    public static KeyPair newEcKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private PublicKey hostKey() throws IOException, GeneralSecurityException {
        return server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

}
