package uk.gov.childrenshomes.generator;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files parse in the formats LAs, Ofsted and ONS use, and agree with each other. */
class FileFormatsTest {

    /** The SSDA903 CSV headers, as DfE's files (and the shared samples) have them. */
    private static final Map<String, String> SSDA903_HEADERS = Map.ofEntries(
            Map.entry("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"),
            Map.entry("episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"),
            Map.entry("missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END"),
            Map.entry("uasc.csv", "CHILD,SEX,DOB,DUC"),
            Map.entry("reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE"),
            Map.entry("oc2.csv", "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
                    + "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED"),
            Map.entry("oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"),
            Map.entry("ad1.csv", "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR"),
            Map.entry("placed_for_adoption.csv", "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED"),
            Map.entry("previous_permanence.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM"),
            Map.entry("sw_episodes.csv", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON"));

    /** Order of the elements of a CHILD's HEADER in the sample export fake_903.xml (SW_EPISODE, which it predates, last). */
    private static final List<String> XML_HEADER_ORDER = List.of("CHILDID", "UPN", "SEX", "DOB", "ETHNIC", "UASC", "DUC",
            "IN_TOUCH", "ACTIV", "ACCOM", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
            "LS_ADOPTR", "AMISSING", "AREVIEW", "MOTHER", "MC_DOB", "PERMANENCE", "OC2", "AD_PLACED", "SW_EPISODE");
    private static final List<String> XML_EPISODE_ORDER = List.of("DECOM", "RNE", "LS", "CIN", "PL", "PL_POST",
            "HOME_POST", "URN", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE");

    /** The Ofsted children's homes workbook's columns (samples/ssda903-fake-data/ch_fake.xlsx). */
    private static final String OFSTED_HEADER = "Local Authority,URN,Provider Type,Provider Subtype,Sector,Setting Name,"
            + "Postcode Area,Registration Date,Provider Status,Closed Date,Provider Code,Provider Placement Code,"
            + "Emotional and Behavioural Difficulties,Mental Disorders,Sensory Impairment,Present Alcohol Problems,"
            + "Present Drug Problems,Learning Difficulty,Physical Disabilities,Max Users,Full Inspection Start Date,"
            + "Overall Effectiveness,CYP Safety,Leadership and Management,CYP Outcomes,Interim Inspection Start Date,"
            + "Interim Inspection Overall Effectiveness,Assurance Visit Start Date,Setting Address Line 1,"
            + "Setting Address Line 2,Setting Address Town,Setting Address County,Setting Address Postcode,"
            + "Setting Telephone Number,Setting Email Address,Owner Type,Owner ID,Owner Name,Owner Address Line 1,"
            + "Owner Address Line 2,Owner Town,Owner County,Owner Postcode,Multi Building CH";

    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final GeneratedInbox inbox = GeneratedInbox.of(2025, 0.03, 5, 0);

    @Test
    void ssda903CsvSetsHaveDfesExactHeaders() throws Exception {
        List<LaReport> csvLas = inbox.lasWithSsda903("csv");
        assertTrue(csvLas.size() > 100, "most LAs send the CSV set");
        for (LaReport la : csvLas) {
            for (Map.Entry<String, String> table : SSDA903_HEADERS.entrySet()) {
                Path file = inbox.laFile(la, "ssda903/" + table.getKey());
                byte[] bytes = Files.readAllBytes(file);
                assertFalse(bytes.length >= 3 && bytes[0] == (byte) 0xEF, file + " starts with a byte-order mark");
                assertEquals(table.getValue(), GeneratedInbox.headerLine(file), file.toString());
            }
        }
    }

    @Test
    void theSpecifiedReturnsHaveTheHeadersOfTheirSpecifications() throws Exception {
        String missingHeader = exampleHeader("missing-episodes.md", "INCIDENT_ID,");
        String oversightHeader = exampleHeader("out-of-area-oversight.md", "CHILD,DECOM,");
        for (LaReport la : inbox.result.las()) {
            assertEquals(missingHeader, String.join(",", GeneratedInbox.header(inbox.onlyFile(la, "missing"))));
            assertEquals(oversightHeader, GeneratedInbox.headerLine(inbox.onlyFile(la, "oversight")));
            assertTrue(inbox.onlyFile(la, "missing").getFileName().toString()
                    .matches(la.authority().code() + "_missing_2025\\.(csv|xlsx)"));
        }
    }

    @Test
    void missingReturnsInXlsxAreReadableWorkbooksOfTextCells() {
        List<LaReport> xlsx = inbox.result.las().stream().filter(la -> la.missingFormat().equals("xlsx")).toList();
        assertFalse(xlsx.isEmpty(), "some LAs send the missing return as a workbook");
        for (LaReport la : xlsx) {
            List<String[]> rows = GeneratedInbox.rows(inbox.onlyFile(la, "missing"));
            assertEquals(la.counts().get("missing_from_care_incidents") + la.counts().get("missing_from_home_incidents"),
                    rows.size());
            rows.forEach(row -> assertTrue(row[5].matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d"), row[5]));
        }
    }

    @Test
    void xmlExportsAreWellFormedAndShapedAsTheSample() throws Exception {
        List<LaReport> xml = inbox.lasWithSsda903("xml");
        assertFalse(xml.isEmpty(), "some LAs send the EXPSSDA903 export");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (LaReport la : xml) {
            Path file = inbox.onlyFile(la, "ssda903");
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            Element root = document.getDocumentElement();
            assertEquals("EXPSSDA903", root.getTagName());
            List<Element> children = elements(root);
            assertEquals(la.counts().get("children_looked_after_in_year") + la.counts().get("care_leavers_oc3_only"),
                    children.size());
            for (Element child : children) {
                assertEquals("CHILD", child.getTagName());
                List<Element> parts = elements(child);
                assertEquals("HEADER", parts.get(0).getTagName());
                assertInOrder(XML_HEADER_ORDER, elements(parts.get(0)), file);
                assertNotNull(text(parts.get(0), "CHILDID"));
                for (Element episode : parts.subList(1, parts.size())) {
                    assertEquals("EPISODE", episode.getTagName());
                    assertEquals(XML_EPISODE_ORDER, elements(episode).stream().map(Element::getTagName).toList());
                    assertTrue(text(episode, "DECOM").matches("\\d\\d/\\d\\d/\\d{4}"));
                }
            }
        }
    }

    @Test
    void episodeDatesAndPostcodesAreInTheFormatsDfeUses() {
        for (LaReport la : inbox.lasWithSsda903("csv")) {
            for (String[] e : GeneratedInbox.rows(inbox.laFile(la, "ssda903/episodes.csv"))) {
                LocalDate.parse(e[1], STRICT_DATE);
                if (!e[7].isEmpty()) {
                    LocalDate.parse(e[7], STRICT_DATE);
                }
                for (String postcode : List.of(e[10], e[11])) {
                    assertTrue(postcode.isEmpty() || postcode.matches("[A-Z]{1,2}\\d{1,2} \\d[A-Z]{2}"), postcode);
                }
            }
        }
    }

    @Test
    void onspdResolvesEveryPostcodeOfTheReturnsToTheLaTheyNameAsHost() {
        Path onspd = inbox.root.resolve("national/onspd/onspd.csv");
        List<String> header = GeneratedInbox.header(onspd);
        assertTrue(header.containsAll(List.of("pcd", "pcds", "oslaua", "oscty", "ctry", "rgn", "oseast1m", "osnrth1m", "doterm")),
                header.toString());
        Map<String, String> upperTier = new HashMap<>();
        Set<String> countries = new HashSet<>();
        for (String[] row : GeneratedInbox.rows(onspd)) {
            String county = row[header.indexOf("oscty")];
            String ctry = row[header.indexOf("ctry")];
            countries.add(ctry);
            for (String code : List.of("oscty", "ced", "oslaua", "osward", "parish", "oshlthau", "nhser", "ctry", "rgn")) {
                assertTrue(row[header.indexOf(code)].matches("[ENSW]\\d{8}"), code + " " + row[header.indexOf(code)]);
            }
            Integer.parseInt(row[header.indexOf("oseast1m")]);
            Integer.parseInt(row[header.indexOf("osnrth1m")]);
            upperTier.put(row[header.indexOf("pcds")], !ctry.equals("E92000001") ? ctry
                    : county.startsWith("E10") ? county : row[header.indexOf("oslaua")]);
        }
        assertEquals(Set.of("E92000001", "W92000004", "S92000003"), countries);
        Set<String> operating = new HashSet<>(inbox.result.las().stream().map(r -> r.authority().code()).toList());
        assertTrue(operating.containsAll(upperTier.values().stream().filter(c -> c.startsWith("E")).toList()),
                "every English postcode resolves to an LA operating in the year");
        int checked = 0;
        for (LaReport la : inbox.lasWithSsda903("csv")) {
            Map<String, String> placementPostcode = new HashMap<>();
            for (String[] e : GeneratedInbox.rows(inbox.laFile(la, "ssda903/episodes.csv"))) {
                assertTrue(e[10].isEmpty() || upperTier.containsKey(e[10]), "HOME_POST " + e[10]);
                assertTrue(e[11].isEmpty() || upperTier.containsKey(e[11]), "PL_POST " + e[11]);
                placementPostcode.put(e[0] + "|" + e[1], e[11]);
            }
            for (String[] o : GeneratedInbox.rows(inbox.onlyFile(la, "oversight"))) {
                // OOA-12 and OOA-13: the placement is the child's episode, its HOST_LA is where PL_POST lies.
                String postcode = placementPostcode.get(o[0] + "|" + o[1]);
                assertNotNull(postcode, "oversight row without its episode: " + String.join(",", o));
                assertEquals(upperTier.get(postcode), o[4], "HOST_LA of " + String.join(",", o));
                checked++;
            }
        }
        assertTrue(checked > 100, "oversight rows checked: " + checked);
    }

    @Test
    void theOfstedRegisterHasTheWorkbooksColumnsAndHoldsEveryHomeUsed() {
        Path register = inbox.root.resolve("national/ofsted/ofsted_childrens_homes_2025.csv");
        assertEquals(OFSTED_HEADER, GeneratedInbox.headerLine(register));
        List<String> header = GeneratedInbox.header(register);
        Map<String, String[]> byUrn = new HashMap<>();
        for (String[] home : GeneratedInbox.rows(register)) {
            assertTrue(byUrn.put(home[header.indexOf("URN")], home) == null, "URNs are unique");
            Integer.parseInt(home[header.indexOf("Max Users")]);
        }
        int homePlacements = 0;
        for (LaReport la : inbox.lasWithSsda903("csv")) {
            for (String[] e : GeneratedInbox.rows(inbox.laFile(la, "ssda903/episodes.csv"))) {
                if (e[5].equals("K1") || e[5].equals("K2")) {
                    String[] home = byUrn.get(e[12]);
                    assertNotNull(home, "URN " + e[12] + " is not on the register");
                    assertEquals(e[5], home[header.indexOf("Provider Placement Code")]);
                    LocalDate registered = LocalDate.parse(home[header.indexOf("Registration Date")], STRICT_DATE);
                    assertFalse(registered.isAfter(LocalDate.parse(e[1], STRICT_DATE)), "home registered after DECOM");
                    homePlacements++;
                }
            }
        }
        assertTrue(homePlacements > 100, "children's home placements checked: " + homePlacements);
    }

    @Test
    void theAdjacencyListIsSymmetricBetweenOperatingLas() {
        Set<String> operating = new HashSet<>(inbox.result.las().stream().map(r -> r.authority().code()).toList());
        Path adjacency = inbox.root.resolve("national/geography/la_adjacency.csv");
        assertEquals("la_code,adjacent_la_code", GeneratedInbox.headerLine(adjacency));
        Set<String> pairs = new HashSet<>();
        for (String[] row : GeneratedInbox.rows(adjacency)) {
            assertTrue(operating.contains(row[0]) && operating.contains(row[1]) && !row[0].equals(row[1]));
            pairs.add(row[0] + "|" + row[1]);
        }
        pairs.forEach(pair -> assertTrue(pairs.contains(pair.substring(10) + "|" + pair.substring(0, 9)), pair));
        Set<String> withNeighbours = new HashSet<>();
        pairs.forEach(pair -> withNeighbours.add(pair.substring(0, 9)));
        assertEquals(operating, withNeighbours, "every LA has a neighbour");
    }

    /** The header line of the example in a return specification (docs/returns). */
    private static String exampleHeader(String specification, String startsWith) throws Exception {
        Path doc = Path.of("..", "docs", "returns", specification);
        return Files.readAllLines(doc, StandardCharsets.UTF_8).stream().filter(line -> line.startsWith(startsWith))
                .findFirst().orElseThrow(() -> new AssertionError("no example header in " + doc));
    }

    private static void assertInOrder(List<String> order, List<Element> elements, Path file) {
        int last = -1;
        for (Element element : elements) {
            int position = order.indexOf(element.getTagName());
            assertTrue(position >= last, element.getTagName() + " out of the sample's order in " + file);
            last = position;
        }
    }

    private static List<Element> elements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String text(Element parent, String name) {
        return elements(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst()
                .map(Node::getTextContent).orElse(null);
    }
}
