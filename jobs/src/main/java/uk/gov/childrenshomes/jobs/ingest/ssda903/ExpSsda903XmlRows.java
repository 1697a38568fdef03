package uk.gov.childrenshomes.jobs.ingest.ssda903;

import uk.gov.childrenshomes.jobs.ingest.FileFindings;
import uk.gov.childrenshomes.jobs.ingest.FileRows;
import uk.gov.childrenshomes.jobs.ingest.SourceRow;
import uk.gov.childrenshomes.jobs.ingest.SubmissionToLoad;
import uk.gov.childrenshomes.jobs.validation.ColumnSpecification;
import uk.gov.childrenshomes.jobs.validation.Finding;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecification;
import uk.gov.childrenshomes.jobs.validation.TableSpecification;
import uk.gov.childrenshomes.jobs.validation.ValidationRuleCatalogue;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SSDA903 XML export ({@code EXPSSDA903}), streamed one {@code CHILD} at a time with StAX and turned into the
 * rows of the CSV tables: {@code HEADER} gives the header row (a UASC row when {@code UASC} is 1, and an OC3 or AD1
 * row when it carries their values), each {@code EPISODE}, {@code AREVIEW}, {@code AMISSING}, ... element a row of
 * its table, with the child's
 * {@code CHILDID}, {@code DOB} and {@code SEX} carried down. {@code CHILDID} = CSV {@code CHILD}, {@code PL} = {@code PLACE}.
 * DTDs are refused outright, so no external entity can be resolved (XXE). The root must be {@code EXPSSDA903}; an
 * element no specification of the year names is reported once per name (with the line it is first on) and skipped;
 * nesting deeper than {@link #MAXIMUM_DEPTH} refuses the file, so a hostile file cannot exhaust the stack.
 */
public final class ExpSsda903XmlRows implements FileRows {

    private static final String ROOT = "EXPSSDA903";
    /** The export is five levels deep (EXPSSDA903, CHILD, HEADER, AREVIEW, REVIEW); twice that is refused. */
    static final int MAXIMUM_DEPTH = 10;
    private static final String UASC_TABLE = "uasc";
    /** Leaves of HEADER every table of the child repeats; they do not make a row of a table on their own. */
    private static final Set<String> CARRIED_DOWN = Set.of("CHILDID", "DOB", "SEX");

    private final InputStream in;
    private final XMLStreamReader xml;
    private final SubmissionToLoad submission;
    private final SubmissionToLoad.File file;
    private final ValidationRuleCatalogue rules;
    private final FileFindings findings;
    private final Map<String, TableSpecification> tableByElement = new HashMap<>();
    private final TableSpecification uasc;
    private final List<TableSpecification> inHeader = new ArrayList<>();
    private final Map<String, Long> rowNumbers = new HashMap<>();
    private final Deque<SourceRow> ready = new ArrayDeque<>();
    /** Every element name the year's specification knows: the root, CHILD, HEADER, UASC, tables and their columns. */
    private final Set<String> known = new HashSet<>(Set.of(ROOT, "CHILD", "HEADER", "UASC"));
    private final Set<String> reportedUnknown = new HashSet<>();
    private int depth;
    private boolean xmlEnded;

    public ExpSsda903XmlRows(Path path, SubmissionToLoad submission, SubmissionToLoad.File file, ReturnSpecification specification,
                             ValidationRuleCatalogue rules, FileFindings findings) throws IOException {
        this.submission = submission;
        this.file = file;
        this.rules = rules;
        this.findings = findings;
        for (TableSpecification table : specification.tables()) {
            if (table.xmlElement() != null) {
                tableByElement.put(table.xmlElement(), table);
                known.add(table.xmlElement());
            }
            table.columns().forEach(column -> known.add(column.xmlName()));
            if (table.xmlInHeader()) {
                inHeader.add(table);
            }
        }
        this.uasc = specification.table(UASC_TABLE).orElse(null);
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        this.in = Files.newInputStream(path);
        try {
            this.xml = factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            in.close();
            throw new IOException(e);
        }
    }

    @Override
    public SourceRow next() throws IOException {
        try {
            while (ready.isEmpty()) {
                if (!readChild()) {
                    return null;
                }
            }
            return ready.poll();
        } catch (XMLStreamException | IllegalStateException e) {
            return refuse("DP008", null, e.getMessage());
        } catch (Refusal refusal) {
            return refuse(refusal.rule, refusal.element, refusal.getMessage());
        }
    }

    /** The file is refused under the rule: its rows read so far are dropped (no rows), reading stops. */
    private SourceRow refuse(String rule, String element, String detail) {
        findings.record(submission.submissionId(), file.fileName(), new Finding(rules.rule(rule), null, element, null, detail));
        ready.clear();
        xmlEnded = true;
        return null;
    }

    /** A file-level rule broken while reading, which ends the reading of the file. */
    private static final class Refusal extends RuntimeException {

        private final String rule;
        private final String element;

        Refusal(String rule, String element, String detail) {
            super(detail, null, false, false);
            this.rule = rule;
            this.element = element;
        }
    }

    /** Reads up to the next complete CHILD element and queues its rows; false at the end of the document. */
    private boolean readChild() throws XMLStreamException {
        while (!xmlEnded && xml.hasNext()) {
            int event = nextEvent();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (depth == 1 && !name.equals(ROOT)) {
                    throw new Refusal("DP077", name, "the root element is <" + name + ">, not <" + ROOT + ">");
                }
                if (depth == 2 && name.equals("CHILD")) {
                    queueRows(readElement());
                    return true;
                }
                if (depth > 1) {
                    skipUnknown();
                }
            }
        }
        xmlEnded = true;
        return false;
    }

    /** The next event, keeping the element depth and refusing a DOCTYPE or nesting deeper than the limit. */
    private int nextEvent() throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
            throw new IllegalStateException("the file contains a DOCTYPE declaration, which is not accepted");
        }
        if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAXIMUM_DEPTH) {
            throw new Refusal("DP079", xml.getLocalName(), "elements nested more than " + MAXIMUM_DEPTH
                    + " deep at line " + xml.getLocation().getLineNumber());
        }
        if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
        }
        return event;
    }

    /** Reports the element at the current START_ELEMENT (first time its name is met) and reads past its end. */
    private void skipUnknown() throws XMLStreamException {
        String name = xml.getLocalName();
        if (reportedUnknown.add(name)) {
            findings.record(submission.submissionId(), file.fileName(), new Finding(rules.rule("DP078"), null, name, null,
                    "element <" + name + "> first at line " + xml.getLocation().getLineNumber()));
        }
        int end = depth - 1;
        while (depth > end) {
            nextEvent();
        }
    }

    /** An element with its leaf values and nested elements, read from the current START_ELEMENT to its end. */
    private record Element(String name, Map<String, String> leaves, List<Element> children) {
    }

    /** Recursive, one level per nested table element: {@link #nextEvent()} bounds the depth. */
    private Element readElement() throws XMLStreamException {
        Element element = new Element(xml.getLocalName(), new LinkedHashMap<>(), new ArrayList<>());
        while (true) {
            int event = nextEvent();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return element;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (tableByElement.containsKey(name) || name.equals("HEADER")) {
                    element.children().add(readElement());
                } else if (known.contains(name)) {
                    element.leaves().put(name, xml.getElementText().strip());
                    depth--;
                } else {
                    skipUnknown();
                }
            }
        }
    }

    private void queueRows(Element child) {
        Element header = child.children().stream().filter(e -> e.name().equals("HEADER")).findFirst()
                .orElse(new Element("HEADER", Map.of(), List.of()));
        List<Element> rows = new ArrayList<>();
        rows.add(header);
        rows.addAll(header.children());
        child.children().stream().filter(e -> !e.name().equals("HEADER")).forEach(rows::add);
        for (Element row : rows) {
            TableSpecification table = tableByElement.get(row.name());
            if (table != null) {
                queue(table, row.leaves(), header.leaves());
            }
        }
        if (uasc != null && "1".equals(header.leaves().get("UASC"))) {
            queue(uasc, header.leaves(), header.leaves());
        }
        for (TableSpecification table : inHeader) {
            boolean given = table.columns().stream().map(ColumnSpecification::xmlName)
                    .filter(name -> !CARRIED_DOWN.contains(name))
                    .anyMatch(name -> !header.leaves().getOrDefault(name, "").isEmpty());
            if (given) {
                queue(table, header.leaves(), header.leaves());
            }
        }
    }

    private void queue(TableSpecification table, Map<String, String> leaves, Map<String, String> childLeaves) {
        String[] values = new String[table.columns().size()];
        for (int c = 0; c < values.length; c++) {
            ColumnSpecification column = table.columns().get(c);
            String value = leaves.getOrDefault(column.xmlName(), childLeaves.get(column.xmlName()));
            values[c] = value == null || value.isEmpty() ? null : value;
        }
        long rowNumber = rowNumbers.merge(table.name(), 1L, Long::sum);
        ready.add(new SourceRow(submission, table, file.fileName(), rowNumber, values, false, List.of()));
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            in.close();
        }
    }
}
