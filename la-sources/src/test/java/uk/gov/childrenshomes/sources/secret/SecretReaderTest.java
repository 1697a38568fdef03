package uk.gov.childrenshomes.sources.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.childrenshomes.sources.registry.SecretRef;
import uk.gov.childrenshomes.sources.testing.SecretFiles;

class SecretReaderTest {

    private static final String TOKEN = "abc123-token";

    @TempDir
    Path dir;

    private final SecretReader reader = new SecretReader(Map.of("LA_TOKEN", TOKEN + "\n")::get);

    @Test
    void readsAnOwnerOnlyFileWithoutItsTrailingNewlineAndNeverPrintsIt() throws Exception {
        Path file = SecretFiles.ownerOnly(dir.resolve("token"), TOKEN + "\n");

        Secret secret = reader.read(SecretRef.file(file));

        assertEquals(TOKEN, secret.reveal());
        assertFalse(secret.toString().contains(TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw-rw----", "rw------x"})
    void refusesAFileGroupOrOthersCanAccess(String mode) throws IOException {
        Path file = SecretFiles.write(dir.resolve("token"), TOKEN, mode);

        SecretReader.SecretException refused = assertThrows(SecretReader.SecretException.class,
                () -> reader.read(SecretRef.file(file)));

        assertTrue(refused.getMessage().contains("is accessible to group or others"), refused.getMessage());
        assertFalse(refused.getMessage().contains(TOKEN));
    }

    @Test
    void readsAnEnvironmentVariableAndNamesAMissingOne() throws Exception {
        assertEquals(TOKEN, reader.read(SecretRef.environment("LA_TOKEN")).reveal());

        SecretReader.SecretException missing = assertThrows(SecretReader.SecretException.class,
                () -> reader.read(SecretRef.environment("OTHER_TOKEN")));
        assertEquals("environment variable OTHER_TOKEN is not set", missing.getMessage());
    }

    @Test
    void refusesAnEmptySecretAndAMissingFile() throws IOException {
        Path empty = SecretFiles.ownerOnly(dir.resolve("empty"), "\n");

        assertThrows(SecretReader.SecretException.class, () -> reader.read(SecretRef.file(empty)));
        assertThrows(SecretReader.SecretException.class, () -> reader.read(SecretRef.file(dir.resolve("absent"))));
    }
}
