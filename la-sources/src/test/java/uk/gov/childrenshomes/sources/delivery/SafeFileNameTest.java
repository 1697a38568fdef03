package uk.gov.childrenshomes.sources.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFileNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"missing.csv", "EXPSSDA903 2025.xml", "oversight_E06000001-2025.xlsx", "épisodes.csv"})
    void acceptsPlainFileNames(String name) throws SafeFileName.UnsafeFileNameException {
        assertEquals(name, SafeFileName.of(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../missing.csv", "..", ".", "/etc/passwd", "returns/missing.csv", "..\\..\\win.ini",
            "C:missing.csv", ".pull-state", "missing\u0000.csv", "missing\n.csv", "tab\t.csv", "bell\u0007",
            "c1\u0085.csv", "report\u202Evsc.exe", "zero\u200Bwidth.csv", " missing.csv", ""})
    void refusesPathsHiddenNamesAndControlCharacters(String name) {
        assertThrows(SafeFileName.UnsafeFileNameException.class, () -> SafeFileName.of(name));
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 1000})
    void refusesOverlongNames(int length) {
        assertThrows(SafeFileName.UnsafeFileNameException.class, () -> SafeFileName.of("a".repeat(length)));
    }
}
