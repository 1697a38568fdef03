package uk.gov.childrenshomes.jobs.report;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uk.gov.childrenshomes.jobs.TestIngestApplication;
import uk.gov.childrenshomes.jobs.validation.ValidationRuleCatalogue;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.childrenshomes.jobs.validation.MissingRulesTest.HOME;
import static uk.gov.childrenshomes.jobs.validation.MissingRulesTest.INCIDENTS;

/**
 * The HTML validation report the real ingest writes into the LA's outbox, parsed strictly (as XML, which any stray
 * markup breaks): self-contained, hostile LA values shown as text and never as markup, the counts by rule with the
 * plain-English message first, the findings in the CSV's columns, capped with a note, and no more of a child's
 * record than the value a finding is about.
 */
@ExtendWith(WarehouseExtension.class)
class ValidationReportPageTest {

    /** Broken INCIDENT_IDs (MIS-01) that would be markup if the page did not escape them. */
    static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "&amp;<!--", "</td></tr></table><iframe src=//evil.example>");
    /** A date of birth no finding is about: it must not reach the report. */
    static final String UNREPORTED_DOB = "05/03/2012";

    static TestIngestApplication application;

    @BeforeAll
    static void start(WarehouseConnection warehouse) {
        application = TestIngestApplication.start(warehouse);
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void hostileValuesAreTextAndThePageIsSelfContained(@TempDir Path folder) throws Exception {
        List<String> rows = new ArrayList<>(List.of(INCIDENTS.header(), HOME));
        for (int i = 0; i < HOSTILE.size(); i++) {
            rows.add("\"" + HOSTILE.get(i).replace("\"", "\"\"") + "\",X" + i + "," + UNREPORTED_DOB + HOME.substring(HOME.indexOf(",HOME")));
        }
        Path page = ingest("E06000001", rows, folder);

        String html = Files.readString(page);
        assertThat(html).doesNotContain(UNREPORTED_DOB).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe");
        Document document = parseStrictly(page);
        assertThat(elements(document, "*")).extracting(Element::getTagName).doesNotContain("script", "img", "iframe", "link", "object");
        for (Element element : elements(document, "*")) {
            assertThat(element.hasAttribute("src") || element.hasAttribute("href")).as("external asset on <%s>", element.getTagName()).isFalse();
        }
        List<List<String>> findings = tableRows(document, "findings");
        assertThat(findings.get(0)).containsExactlyElementsOf(ValidationReportWriter.HEADER);
        assertThat(findings.subList(1, findings.size())).extracting(row -> row.get(5)).containsAll(HOSTILE);
        assertThat(findings.subList(1, findings.size())).allSatisfy(row -> assertThat(row.get(0)).isEqualTo("MIS-01"));

        List<List<String>> summary = tableRows(document, "summary");
        assertThat(summary.get(0)).containsExactly("What is wrong", "Rule", "Severity", "Count");
        assertThat(summary.get(1).get(0)).as("the plain-English message first").startsWith(new ValidationRuleCatalogue().rule("MIS-01").message());
        assertThat(summary.get(1).subList(1, 4)).containsExactly("MIS-01", "error", "4");
        assertThat(document.getElementById("capped")).isNull();
    }

    @Test
    void aVeryLongReportIsCappedWithANoteAndTheCsvKeepsEveryFinding(@TempDir Path folder) throws Exception {
        int broken = ValidationReportPage.MAXIMUM_FINDINGS_SHOWN + 25;
        List<String> rows = new ArrayList<>(List.of(INCIDENTS.header()));
        IntStream.range(0, broken).forEach(i -> rows.add(HOME.replace("M2,H900231", "M" + i + ",H" + i).replace(",HOME,", ",AWAY,")));
        Path page = ingest("E06000002", rows, folder);

        Document document = parseStrictly(page);
        assertThat(tableRows(document, "findings")).hasSize(ValidationReportPage.MAXIMUM_FINDINGS_SHOWN + 1);
        assertThat(document.getElementById("capped").getTextContent())
                .contains("first 2,000 of 2,025 findings").contains(ValidationReportWriter.CSV_NAME);
        assertThat(tableRows(document, "summary").get(1)).contains("MIS-04", "2,025");
        assertThat(Files.readAllLines(page.resolveSibling(ValidationReportWriter.CSV_NAME))).hasSize(broken + 1);
    }

    private static Path ingest(String la, List<String> rows, Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve(la + "_missing_2025.csv"), String.join("\n", rows) + "\n");
        application.ingest(la, "missing", 2025, List.of(file), folder.resolve("outbox"));
        return folder.resolve("outbox").resolve(ValidationReportWriter.HTML_NAME);
    }

    /** As XML, without DTDs or external entities: a page that is not well-formed fails. */
    private static Document parseStrictly(Path page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(page.toFile());
        markIds(document);
        return document;
    }

    /** Without a DTD the parser does not know {@code id} is an ID; tell it, so getElementById works. */
    private static void markIds(Document document) {
        for (Element element : elements(document, "*")) {
            if (element.hasAttribute("id")) {
                element.setIdAttribute("id", true);
            }
        }
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    /** The text of each cell of each row of the table with the given id, header row first. */
    private static List<List<String>> tableRows(Document document, String id) {
        NodeList rows = document.getElementById(id).getElementsByTagName("tr");
        return IntStream.range(0, rows.getLength()).mapToObj(i -> {
            NodeList cells = rows.item(i).getChildNodes();
            return IntStream.range(0, cells.getLength()).mapToObj(c -> cells.item(c).getTextContent()).toList();
        }).toList();
    }
}
