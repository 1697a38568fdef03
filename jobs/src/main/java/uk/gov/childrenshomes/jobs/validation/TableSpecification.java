package uk.gov.childrenshomes.jobs.validation;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;

/**
 * One table of a return: the file that carries it, the landing table it loads into and its columns.
 *
 * @param filePattern  file name (glob, matched case-insensitively) of the table in the LA's folder
 * @param xmlElement   element of the EXPSSDA903 XML export holding one row of this table, if any
 * @param xmlInHeader  in the XML export the table's values are leaves of the child's HEADER (OC3, AD1): a row
 *                     when the header gives any of them
 * @param required     a submission without this table is rejected
 */
public record TableSpecification(String name, String filePattern, String xmlElement, boolean xmlInHeader, String landingTable, boolean required,
                                 List<ColumnSpecification> columns) {

    public boolean matches(String fileName) {
        return FileSystems.getDefault().getPathMatcher("glob:" + filePattern.toLowerCase())
                .matches(Path.of(fileName.toLowerCase()));
    }

    public List<ColumnSpecification> storedColumns() {
        return columns.stream().filter(ColumnSpecification::isStored).toList();
    }
}
