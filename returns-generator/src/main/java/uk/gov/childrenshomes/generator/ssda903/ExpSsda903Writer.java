package uk.gov.childrenshomes.generator.ssda903;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static uk.gov.childrenshomes.generator.output.DateText.date;

/**
 * Writes an LA's SSDA903 return as the {@code EXPSSDA903} XML export, shaped as the shared sample
 * {@code fake_903.xml}: one CHILD per child holding a HEADER (CHILDID for CSV CHILD, the header, UASC, OC3, AD1,
 * AMISSING, AREVIEW, MOTHER, PERMANENCE, OC2 and AD_PLACED data, in the sample's order) and its EPISODEs (PL for CSV
 * PLACE). Social worker episodes, which the sample predates, are SW_EPISODE elements named after the CSV columns.
 */
public final class ExpSsda903Writer {

    private static final List<String> EPISODE_ELEMENTS = List.of("DECOM", "RNE", "LS", "CIN", "PL", "PL_POST",
            "HOME_POST", "URN", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE");

    private ExpSsda903Writer() {
    }

    /** Writes the export; {@code missingByChild} holds each child's rows of the SSDA903 missing table. */
    public static void write(Path file, List<ChildRecord> children, Map<String, List<Ssda903Row>> missingByChild) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeStartElement("EXPSSDA903");
                for (ChildRecord child : children) {
                    writeChild(xml, child, missingByChild.getOrDefault(child.child(), List.of()));
                }
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    private static void writeChild(XMLStreamWriter xml, ChildRecord child, List<Ssda903Row> missing)
            throws XMLStreamException {
        ChildHeader h = child.header();
        xml.writeStartElement("CHILD");
        xml.writeStartElement("HEADER");
        element(xml, "CHILDID", h.child());
        element(xml, "UPN", h.upn());
        element(xml, "SEX", h.sex());
        element(xml, "DOB", date(h.dob()));
        element(xml, "ETHNIC", h.ethnicity());
        Ssda903Row uasc = first(child, Ssda903Table.UASC);
        element(xml, "UASC", uasc == null ? "" : "1");
        if (uasc != null) {
            element(xml, "DUC", uasc.get("DUC"));
        }
        Ssda903Row oc3 = first(child, Ssda903Table.OC3);
        if (oc3 != null) {
            optional(xml, oc3, "IN_TOUCH", "ACTIV", "ACCOM");
        }
        Ssda903Row ad1 = first(child, Ssda903Table.AD1);
        if (ad1 != null) {
            optional(xml, ad1, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR");
        }
        for (Ssda903Row m : missing) {
            xml.writeStartElement("AMISSING");
            element(xml, "MISSING", m.get("MISSING"));
            element(xml, "MIS_START", m.get("MIS_START"));
            element(xml, "MIS_END", m.get("MIS_END"));
            xml.writeEndElement();
        }
        for (Ssda903Row review : rows(child, Ssda903Table.REVIEWS)) {
            xml.writeStartElement("AREVIEW");
            element(xml, "REVIEW", review.get("REVIEW"));
            element(xml, "REVIEW_CODE", review.get("REVIEW_CODE"));
            xml.writeEndElement();
        }
        element(xml, "MOTHER", h.mother());
        element(xml, "MC_DOB", date(h.motherChildDob()));
        Ssda903Row permanence = first(child, Ssda903Table.PREVIOUS_PERMANENCE);
        if (permanence != null) {
            xml.writeStartElement("PERMANENCE");
            optional(xml, permanence, "PREV_PERM", "LA_PERM", "DATE_PERM");
            xml.writeEndElement();
        }
        Ssda903Row oc2 = first(child, Ssda903Table.OC2);
        if (oc2 != null) {
            xml.writeStartElement("OC2");
            optional(xml, oc2, "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
                    "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED");
            xml.writeEndElement();
        }
        for (Ssda903Row placed : rows(child, Ssda903Table.PLACED_FOR_ADOPTION)) {
            xml.writeStartElement("AD_PLACED");
            optional(xml, placed, "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED");
            xml.writeEndElement();
        }
        for (Ssda903Row sw : rows(child, Ssda903Table.SW_EPISODES)) {
            xml.writeStartElement("SW_EPISODE");
            optional(xml, sw, "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON");
            xml.writeEndElement();
        }
        xml.writeEndElement(); // HEADER
        for (Episode episode : child.episodes()) {
            Ssda903Row row = episode.toRow();
            xml.writeStartElement("EPISODE");
            for (String name : EPISODE_ELEMENTS) {
                element(xml, name, row.get(name.equals("PL") ? "PLACE" : name));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement(); // CHILD
    }

    /** An element, empty ({@code <X/>}) when there is no value, as the sample writes UASC, MOTHER, DEC. */
    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value == null || value.isEmpty()) {
            xml.writeEmptyElement(name);
        } else {
            xml.writeStartElement(name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

    /** Elements for the columns that have a value; blank ones are left out, as the sample's OC2 does. */
    private static void optional(XMLStreamWriter xml, Ssda903Row row, String... columns) throws XMLStreamException {
        for (String column : columns) {
            String value = row.get(column);
            if (!value.isEmpty()) {
                element(xml, column, value);
            }
        }
    }

    private static Ssda903Row first(ChildRecord child, Ssda903Table table) {
        return child.details().stream().filter(r -> r.table() == table).findFirst().orElse(null);
    }

    private static List<Ssda903Row> rows(ChildRecord child, Ssda903Table table) {
        return child.details().stream().filter(r -> r.table() == table).toList();
    }
}
