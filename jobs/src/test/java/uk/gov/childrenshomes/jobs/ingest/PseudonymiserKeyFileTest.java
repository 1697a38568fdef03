package uk.gov.childrenshomes.jobs.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A key file group or others can read is refused, as la-sources refuses such a secret file and ssh a private key. */
class PseudonymiserKeyFileTest {

    private static final String KEY = "a-secret-key-of-at-least-32-characters-0123456789";

    @Test
    void aKeyFileOnlyItsOwnerCanReadIsUsed(@TempDir Path folder) throws Exception {
        Path file = keyFile(folder, "rw-------");

        Pseudonymiser fromFile = Pseudonymiser.fromEnvironment(Map.of(Pseudonymiser.KEY_FILE_VARIABLE, file.toString()));

        assertThat(fromFile.pseudonym("E06000001", "A1"))
                .isEqualTo(Pseudonymiser.fromEnvironment(Map.of(Pseudonymiser.KEY_VARIABLE, KEY)).pseudonym("E06000001", "A1"));
    }

    @Test
    void aKeyFileGroupOrOthersCanReadIsRefusedWithTheFixAndWithoutTheKey(@TempDir Path folder) throws Exception {
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw----r--"}) {
            Path file = keyFile(folder, mode);

            assertThatThrownBy(() -> Pseudonymiser.fromEnvironment(Map.of(Pseudonymiser.KEY_FILE_VARIABLE, file.toString())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Pseudonymiser.KEY_FILE_VARIABLE).hasMessageContaining(mode)
                    .hasMessageContaining("chmod 600").message().doesNotContain(KEY);
        }
    }

    private static Path keyFile(Path folder, String mode) throws Exception {
        Path file = folder.resolve("key-" + mode);
        Files.writeString(file, KEY + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
