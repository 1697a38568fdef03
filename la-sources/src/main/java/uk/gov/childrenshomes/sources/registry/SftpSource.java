package uk.gov.childrenshomes.sources.registry;

import java.nio.file.Path;
import java.time.Duration;
import uk.gov.childrenshomes.sources.pull.RetryPolicy;

/**
 * An LA return dropped into a folder of the LA's SFTP server.
 *
 * @param credential  a private key file (OpenSSH or PEM, unencrypted) or a password file, per {@code credentialKind}
 * @param knownHosts  OpenSSH known_hosts file pinning the server's host key; an unknown or different key is refused
 * @param readTimeout longest silence from the server before the session is dropped
 * @param maxFileBytes larger remote files are refused, so a broken or hostile server cannot fill the disk
 */
public record SftpSource(SourceKey key, String host, int port, String user, CredentialKind credentialKind,
                         SecretRef credential, String remoteDir, Path knownHosts, Duration connectTimeout,
                         Duration readTimeout, RetryPolicy retry, long maxFileBytes) implements SourceEntry {

    public static final String KIND = "sftp";

    public enum CredentialKind { PRIVATE_KEY, PASSWORD }

    @Override
    public String kind() {
        return KIND;
    }
}
