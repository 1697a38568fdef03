package uk.gov.childrenshomes.reliability.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files no honest export produces, built the way an attacker would: small on disk, costly to read naively. */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** {@code bytes} bytes of one line repeated without a line break (a runaway export, or an attack on memory). */
    public static void writeSingleLine(Path file, long bytes) {
        byte[] block = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A well-formed XLSX workbook whose one sheet inflates from a few hundred kilobytes to {@code inflatedBytes} of
     * identical rows: a decompression bomb in the format LAs really send.
     */
    public static byte[] xlsxBomb(long inflatedBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="incidents" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""
                    .getBytes(StandardCharsets.UTF_8));
            byte[] row = "<row><c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>"
                    .getBytes(StandardCharsets.UTF_8);
            byte[] rows = new byte[row.length * 16_384];
            for (int i = 0; i < 16_384; i++) {
                System.arraycopy(row, 0, rows, i * row.length, row.length);
            }
            for (long written = 0; written < inflatedBytes; written += rows.length) {
                zip.write(rows);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /**
     * A small, valid EXPSSDA903 export of the children in the generated CSV set of {@code ssda903Folder} (header and
     * episodes), so that XML cases differ from a loadable file only by what they test.
     */
    public static String expSsda903(Path ssda903Folder, String root, String extraHeaderElement) {
        List<List<String>> header = csv(ssda903Folder.resolve("header.csv"));
        List<List<String>> episodes = csv(ssda903Folder.resolve("episodes.csv"));
        List<String> headerNames = header.get(0);
        List<String> episodeNames = episodes.get(0);
        StringBuilder xml = new StringBuilder("<" + root + ">");
        for (List<String> child : header.subList(1, header.size())) {
            xml.append("<CHILD><HEADER>");
            for (int c = 0; c < headerNames.size(); c++) {
                String name = headerNames.get(c).equals("CHILD") ? "CHILDID" : headerNames.get(c);
                xml.append(element(name, child.get(c)));
            }
            xml.append(extraHeaderElement).append("</HEADER>");
            for (List<String> episode : episodes.subList(1, episodes.size())) {
                if (!episode.get(0).equals(child.get(0))) {
                    continue;
                }
                xml.append("<EPISODE>");
                for (int c = 1; c < episodeNames.size(); c++) {
                    String name = episodeNames.get(c).equals("PLACE") ? "PL" : episodeNames.get(c);
                    xml.append(element(name, episode.get(c)));
                }
                xml.append("</EPISODE>");
            }
            xml.append("</CHILD>");
        }
        return xml.append("</").append(root).append(">").toString();
    }

    private static String element(String name, String value) {
        return value.isEmpty() ? "<" + name + " />" : "<" + name + ">" + value + "</" + name + ">";
    }

    /** The generator's CSV files quote nothing: a split on commas is exact for them. */
    private static List<List<String>> csv(Path file) {
        return Inbox.read(file).lines().filter(line -> !line.isBlank()).map(line -> List.of(line.split(",", -1))).toList();
    }
}
