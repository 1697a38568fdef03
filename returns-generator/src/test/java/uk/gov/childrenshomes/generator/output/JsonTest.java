package uk.gov.childrenshomes.generator.output;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTest {

    @Test
    void writesObjectsInOrderWithEscapedStringsAndPlainNumbers() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", "Kingston upon Hull, \"City of\"\n");
        object.put("scale", 0.1);
        object.put("whole", 1.0);
        object.put("seed", 42L);
        object.put("las", List.of("E06000001", "E06000002"));
        object.put("none", List.of());
        object.put("flag", true);
        assertEquals("""
                {
                  "name": "Kingston upon Hull, \\"City of\\"\\n",
                  "scale": 0.1,
                  "whole": 1.0,
                  "seed": 42,
                  "las": [
                    "E06000001",
                    "E06000002"
                  ],
                  "none": [],
                  "flag": true
                }
                """, Json.write(object));
    }
}
