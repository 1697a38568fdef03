package uk.gov.childrenshomes.publish.release;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of the code that built a release: the module version and the SHA-256 of the jar that ran, which
 * identifies the code exactly (run from a classes directory, e.g. in tests, it says so).
 */
public final class CodeVersion {

    private CodeVersion() {
    }

    public static String current() {
        String version = CodeVersion.class.getPackage().getImplementationVersion();
        try {
            Path location = Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return "spark-jobs " + version + " jar sha256:" + sha256(location);
            }
        } catch (URISyntaxException | IOException | SecurityException e) {
            return "spark-jobs " + version + " (jar not identified: " + e.getMessage() + ")";
        }
        return "spark-jobs (unpackaged classes)";
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
